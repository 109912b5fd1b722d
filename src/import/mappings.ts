/**
 * Scanner ids → CIS AWS Foundations v6.0.0 recommendation ids.
 *
 * - Prowler check ids: the `prowlerChecks` of checks/mappings.ts (from Prowler's own
 *   compliance/aws/cis_6.0_aws.json, via /work/shared/reference/cis-aws-v6-mappings-extra.csv).
 * - Security Hub control ids: the `securityHubControls` of checks/mappings.ts (AWS Security Hub
 *   CSPM control reference) plus SECURITY_HUB_SUPPLEMENT.
 * - Security Hub CIS standard requirement ids (older finding forms): CIS_REQUIREMENT_CONTROLS,
 *   then the control table.
 * All are informative tool-vendor mappings, not a CIS crosswalk.
 */
import { compareIds } from '../../checks/catalog.js';
import { MAPPINGS } from '../../checks/mappings.js';
import { CIS_REQUIREMENT_CONTROLS, SECURITY_HUB_CIS_VERSIONS, SECURITY_HUB_SUPPLEMENT, type SecurityHubCisVersion } from './mapping-data.js';

export const IMPORT_MAPPING_SOURCES = {
  prowler: "Prowler compliance/aws/cis_6.0_aws.json (Apache-2.0), as recorded in checks/mappings.ts",
  securityHub:
    'AWS Security Hub CSPM user guide: control reference and "Mapping of controls to CIS requirements in each version", as recorded in checks/mappings.ts and src/import/mapping-data.ts',
} as const;

function invert(pairs: Iterable<[string, string]>): ReadonlyMap<string, readonly string[]> {
  const table = new Map<string, string[]>();
  for (const [key, cisId] of pairs) {
    const ids = table.get(key) ?? [];
    if (!ids.includes(cisId)) ids.push(cisId);
    table.set(key, ids);
  }
  for (const ids of table.values()) ids.sort(compareIds);
  return table;
}

/** Prowler check id → CIS v6 ids. Some checks serve two recommendations (6.3 and 6.4 share three). */
export const PROWLER_CHECK_TO_CIS = invert(MAPPINGS.flatMap((m) => m.prowlerChecks.map((check): [string, string] => [check, m.id])));

/** Security Hub control id (e.g. `IAM.6`) → CIS v6 ids. */
export const SECURITY_HUB_CONTROL_TO_CIS = invert([
  ...MAPPINGS.flatMap((m) => m.securityHubControls.map((control): [string, string] => [control, m.id])),
  ...Object.entries(SECURITY_HUB_SUPPLEMENT).flatMap(([control, ids]) => ids.map((id): [string, string] => [control, id])),
]);

export function cisIdsForProwlerCheck(checkId: string): readonly string[] {
  return PROWLER_CHECK_TO_CIS.get(checkId) ?? [];
}

export function cisIdsForSecurityHubControl(controlId: string): readonly string[] {
  return SECURITY_HUB_CONTROL_TO_CIS.get(controlId) ?? [];
}

export function isSecurityHubCisVersion(version: string): version is SecurityHubCisVersion {
  return (SECURITY_HUB_CIS_VERSIONS as readonly string[]).includes(version);
}

/** The Security Hub controls behind a requirement of a Security Hub CIS standard version. */
export function controlsForCisRequirement(version: string, requirement: string): readonly string[] {
  if (!isSecurityHubCisVersion(version)) return [];
  return CIS_REQUIREMENT_CONTROLS[version][requirement] ?? [];
}
