/**
 * Prowler output: the findings CSV (`-M csv`, ";"-separated, one row per check and resource)
 * and OCSF JSON (`-M json-ocsf`, an array of OCSF Detection Findings, class_uid 2004).
 */
import { parse } from 'csv-parse/sync';
import type { CheckStatus } from '../../checks/types.js';
import { InputError } from '../errors.js';
import { cisIdsForProwlerCheck } from './mappings.js';
import { asRecord, asText, SkipTally, type ParsedFile, type ScannerFinding } from './types.js';

const PROWLER_STATUS: Record<string, CheckStatus> = {
  PASS: 'pass',
  FAIL: 'fail',
  MANUAL: 'manual',
  // Prowler 3 wrote INFO for checks that only report what they saw.
  INFO: 'manual',
};

const REQUIRED_COLUMNS = ['CHECK_ID', 'STATUS'] as const;

/** The delimiter if `headerLine` is a Prowler findings CSV header, else undefined. */
export function prowlerCsvDelimiter(headerLine: string): ';' | ',' | undefined {
  for (const delimiter of [';', ','] as const) {
    const columns = headerLine.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, ''));
    if (REQUIRED_COLUMNS.every((c) => columns.includes(c))) return delimiter;
  }
  return undefined;
}

/** Ids such as `<account_uid>` in Prowler's anonymised samples are placeholders, not accounts. */
function accountOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function prowlerFinding(
  fields: { checkId: string; status: string; statusDetail: string; resource: string; region: string; account?: string; muted: boolean },
  skips: SkipTally,
): ScannerFinding | undefined {
  if (fields.checkId === '') {
    skips.add('no check id');
    return undefined;
  }
  const status = PROWLER_STATUS[fields.status.toUpperCase()];
  if (!status) {
    skips.add(`status "${fields.status}" is not PASS, FAIL or MANUAL`);
    return undefined;
  }
  const muted = fields.muted ? ' (muted in Prowler)' : '';
  return {
    ruleId: fields.checkId,
    cisIds: cisIdsForProwlerCheck(fields.checkId),
    status,
    resource: fields.resource || fields.account || 'account',
    region: fields.region || 'global',
    detail: `${fields.checkId}: ${fields.statusDetail || fields.status}${muted}`,
    ...(fields.account ? { account: fields.account } : {}),
  };
}

export function parseProwlerCsv(text: string, file: string): ParsedFile {
  const headerLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = prowlerCsvDelimiter(headerLine);
  if (!delimiter) throw new InputError(`${file}: not a Prowler CSV: the header has no CHECK_ID and STATUS columns`);
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { delimiter, columns: true, bom: true, skip_empty_lines: true, trim: false }) as Record<string, string>[];
  } catch (err) {
    throw new InputError(`${file}: the Prowler CSV cannot be read (${(err as Error).message})`);
  }
  if (rows.length === 0) throw new InputError(`${file}: the Prowler CSV has a header but no findings`);
  const skips = new SkipTally();
  const findings: ScannerFinding[] = [];
  for (const row of rows) {
    const found = prowlerFinding(
      {
        checkId: (row.CHECK_ID ?? '').trim(),
        status: (row.STATUS ?? '').trim(),
        statusDetail: (row.STATUS_EXTENDED ?? '').trim(),
        resource: (row.RESOURCE_UID || row.RESOURCE_NAME || '').trim(),
        region: (row.REGION ?? '').trim(),
        account: accountOrUndefined(row.ACCOUNT_UID),
        muted: (row.MUTED ?? '').trim().toLowerCase() === 'true',
      },
      skips,
    );
    if (found) findings.push(found);
  }
  return { format: 'prowler-csv', findings, skipped: skips.list() };
}

/** True when `item` looks like a Prowler OCSF Detection Finding. */
export function isOcsfFinding(item: unknown): boolean {
  const finding = asRecord(item);
  return finding.class_uid === 2004 || (typeof asRecord(finding.metadata).event_code === 'string' && typeof finding.status_code === 'string');
}

export function parseProwlerOcsf(items: unknown[], file: string): ParsedFile {
  if (items.length === 0) throw new InputError(`${file}: the Prowler OCSF file is an empty array: no findings`);
  const skips = new SkipTally();
  const findings: ScannerFinding[] = [];
  for (const item of items) {
    const finding = asRecord(item);
    if (!isOcsfFinding(finding)) {
      skips.add('not an OCSF Detection Finding');
      continue;
    }
    const account = accountOrUndefined(asRecord(asRecord(finding.cloud).account).uid);
    const resources = Array.isArray(finding.resources) && finding.resources.length > 0 ? finding.resources : [{}];
    for (const resource of resources.map(asRecord)) {
      const found = prowlerFinding(
        {
          checkId: asText(asRecord(finding.metadata).event_code),
          status: asText(finding.status_code),
          statusDetail: asText(finding.status_detail) || asText(finding.message),
          resource: asText(resource.uid) || asText(resource.name),
          region: asText(resource.region) || asText(asRecord(finding.cloud).region),
          account,
          // OCSF `status` is the finding's workflow state; Prowler writes "Suppressed" when muted.
          muted: asText(finding.status).toLowerCase() === 'suppressed',
        },
        skips,
      );
      if (found) findings.push(found);
    }
  }
  return { format: 'prowler-ocsf', findings, skipped: skips.list() };
}
