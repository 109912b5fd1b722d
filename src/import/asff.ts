/**
 * AWS Security Hub control findings in the AWS Security Finding Format (ASFF), as
 * `aws securityhub get-findings` prints them: `{"Findings": [...]}`.
 *
 * A control finding names its control in `Compliance.SecurityControlId` (one id across
 * standards). Findings from before that field existed, or with consolidated control findings
 * turned off, may name only a CIS standard version and requirement: in `GeneratorId`
 * (`arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0/rule/2.7`,
 * `cis-aws-foundations-benchmark/v/1.4.0/3.7`), in `ProductFields.RuleId` / `ControlId` beside
 * `StandardsGuideArn` / `StandardsArn`, or in `Compliance.RelatedRequirements`
 * (`CIS AWS Foundations Benchmark v1.4.0/3.7`).
 */
import type { CheckStatus } from '../../checks/types.js';
import { cisIdsForSecurityHubControl, controlsForCisRequirement } from './mappings.js';
import { asRecord, asText, SkipTally, type ParsedFile, type ScannerFinding } from './types.js';

const ASFF_STATUS: Record<string, CheckStatus> = {
  PASSED: 'pass',
  FAILED: 'fail',
  // Some information is missing or the check does not fit the configuration: a person decides.
  WARNING: 'manual',
  // The check could not run (service error, or AWS Config found nothing applicable): no verdict.
  NOT_AVAILABLE: 'error',
};

/** True when `item` has the required ASFF members that tell it apart from other JSON. */
export function isAsffFinding(item: unknown): boolean {
  const finding = asRecord(item);
  return typeof finding.SchemaVersion === 'string' && typeof finding.AwsAccountId === 'string' && (typeof finding.GeneratorId === 'string' || typeof finding.ProductArn === 'string');
}

interface Rule {
  /** What the report calls the rule: a control id, or the CIS standard requirement. */
  ruleId: string;
  cisIds: readonly string[];
}

function union(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}

const CIS_GENERATOR = /cis-aws-foundations-benchmark\/v\/(\d+\.\d+\.\d+)(?:\/rule)?\/(\d+(?:\.\d+)*)$/;
const CIS_STANDARD_ARN = /cis-aws-foundations-benchmark\/v\/(\d+\.\d+\.\d+)/;
const CIS_RELATED_REQUIREMENT = /^CIS AWS Foundations Benchmark v(\d+\.\d+\.\d+)\/(\d+(?:\.\d+)*)$/;
const SECURITY_CONTROL_GENERATOR = /^security-control\/(.+)$/;
// Other standards (FSBP, NIST 800-53) use the control id as their own id: `.../v/1.0.0/IAM.4`.
const STANDARD_CONTROL_GENERATOR = /\/v\/[\d.]+\/([A-Za-z0-9]+\.\d+)$/;

function cisRequirementRule(version: string, requirement: string): Rule {
  const controls = controlsForCisRequirement(version, requirement);
  const label = `CIS v${version} ${requirement}`;
  return {
    ruleId: controls.length > 0 ? `${label} (${controls.join(', ')})` : label,
    cisIds: union(controls.map((c) => cisIdsForSecurityHubControl(c))),
  };
}

function controlRule(controlId: string): Rule {
  return { ruleId: controlId, cisIds: cisIdsForSecurityHubControl(controlId) };
}

/** Finds the control (or CIS requirement) a finding reports on, trying the newest form first. */
function ruleOf(finding: Record<string, unknown>): Rule {
  const compliance = asRecord(finding.Compliance);
  const fields = asRecord(finding.ProductFields);
  const generator = asText(finding.GeneratorId);

  const securityControl = asText(compliance.SecurityControlId);
  if (securityControl) return controlRule(securityControl);

  const fromGenerator = CIS_GENERATOR.exec(generator);
  if (fromGenerator) return cisRequirementRule(fromGenerator[1]!, fromGenerator[2]!);

  const standardArn = asText(fields.StandardsGuideArn) || asText(fields.StandardsArn) || asText(fields.StandardsControlArn);
  const standardVersion = CIS_STANDARD_ARN.exec(standardArn)?.[1];
  const requirement = asText(fields.RuleId) || asText(fields.ControlId);
  if (standardVersion && requirement) return cisRequirementRule(standardVersion, requirement);

  const related = Array.isArray(compliance.RelatedRequirements) ? compliance.RelatedRequirements.map(asText) : [];
  const cisRequirements = related.flatMap((r) => {
    const match = CIS_RELATED_REQUIREMENT.exec(r);
    return match ? [cisRequirementRule(match[1]!, match[2]!)] : [];
  });
  if (cisRequirements.length > 0) {
    return { ruleId: cisRequirements.map((r) => r.ruleId).join(' + '), cisIds: union(cisRequirements.map((r) => r.cisIds)) };
  }

  const control = SECURITY_CONTROL_GENERATOR.exec(generator)?.[1] ?? STANDARD_CONTROL_GENERATOR.exec(generator)?.[1];
  if (control) return controlRule(control);
  return { ruleId: generator || asText(finding.Id) || 'finding without GeneratorId', cisIds: [] };
}

export function parseAsff(items: unknown[]): ParsedFile {
  const skips = new SkipTally();
  const findings: ScannerFinding[] = [];
  for (const item of items) {
    const finding = asRecord(item);
    if (!isAsffFinding(finding)) {
      skips.add('not an ASFF finding (no SchemaVersion, AwsAccountId and GeneratorId)');
      continue;
    }
    if (asText(finding.RecordState) === 'ARCHIVED') {
      skips.add('archived in Security Hub (no longer current)');
      continue;
    }
    const compliance = asRecord(finding.Compliance);
    const complianceStatus = asText(compliance.Status);
    const status = ASFF_STATUS[complianceStatus];
    if (!status) {
      skips.add(complianceStatus ? `Compliance.Status "${complianceStatus}" is not PASSED, FAILED, WARNING or NOT_AVAILABLE` : 'no Compliance.Status (not a control finding)');
      continue;
    }
    const rule = ruleOf(finding);
    const reasons = (Array.isArray(compliance.StatusReasons) ? compliance.StatusReasons : [])
      .map((r) => asText(asRecord(r).Description) || asText(asRecord(r).ReasonCode))
      .filter((r) => r !== '');
    const suppressed = asText(asRecord(finding.Workflow).Status) === 'SUPPRESSED' ? ' (suppressed in Security Hub)' : '';
    const title = asText(finding.Title);
    const detail = `${rule.ruleId} ${complianceStatus}${title ? `: ${title}` : ''}${reasons.length > 0 ? ` — ${reasons.join('; ')}` : ''}${suppressed}`;
    const account = asText(finding.AwsAccountId);
    const resources = Array.isArray(finding.Resources) && finding.Resources.length > 0 ? finding.Resources : [{}];
    for (const resource of resources.map(asRecord)) {
      findings.push({
        ruleId: rule.ruleId,
        cisIds: rule.cisIds,
        status,
        resource: asText(resource.Id) || account || 'account',
        region: asText(resource.Region) || asText(finding.Region) || 'global',
        detail,
        ...(account ? { account } : {}),
      });
    }
  }
  return { format: 'asff', findings, skipped: skips.list() };
}
