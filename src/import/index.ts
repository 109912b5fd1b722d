/**
 * Scanner imports: detect the format of a file from its content, parse it, and turn its findings
 * into per-recommendation results (CheckResult) marked with their source. Pure apart from
 * reading the file; storing is the caller's (the service's) job.
 */
import { compareIds } from '../../checks/catalog.js';
import { MAPPINGS } from '../../checks/mappings.js';
import type { CheckResult, CheckStatus, Finding } from '../../checks/types.js';
import { InputError } from '../errors.js';
import { INPUT_KINDS, readInputFile } from '../input-file.js';
import { isAsffFinding, parseAsff } from './asff.js';
import { isOcsfFinding, parseProwlerCsv, parseProwlerOcsf, prowlerCsvDelimiter } from './prowler.js';
import { FORMAT_LABELS, FORMAT_NAMES, FORMAT_SOURCE, IMPORT_FORMATS, type ImportFormat, type ParsedFile, type ScannerFinding, type Skipped } from './types.js';

export { FORMAT_LABELS, FORMAT_NAMES, IMPORT_FORMATS, type ImportFormat } from './types.js';

export interface MappedRecommendation {
  recId: string;
  status: CheckStatus;
  findings: number;
  statuses: Partial<Record<CheckStatus, number>>;
  /** The scanner rules whose findings landed here. */
  rules: string[];
}

export interface UnmappedRule {
  ruleId: string;
  findings: number;
}

export interface ImportOutcome {
  file: string;
  format: ImportFormat;
  source: 'prowler' | 'securityhub';
  /** 12-digit account ids the file names (placeholders such as `<account_uid>` are left out). */
  accounts: string[];
  /** One result per CIS v6 recommendation the file speaks about, in benchmark order. */
  results: CheckResult[];
  mapped: MappedRecommendation[];
  /** Rules with no CIS v6 mapping: their findings are not imported. */
  unmapped: UnmappedRule[];
  skipped: Skipped[];
}

function acceptedFormats(): string {
  return IMPORT_FORMATS.map((f) => `  - ${FORMAT_LABELS[f]}`).join('\n');
}

function unknownFormat(file: string, why: string): InputError {
  return new InputError(`${file}: ${why}. Accepted formats (recognised by content, not by file name):\n${acceptedFormats()}`);
}

/** Recognises the format from the content and parses it. */
export function parseScannerFile(text: string, file: string): ParsedFile {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw unknownFormat(file, 'the file is empty');
  const first = body.trimStart()[0];
  if (first === '{' || first === '[') {
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch (err) {
      throw unknownFormat(file, `starts like JSON but is not valid JSON (${(err as Error).message})`);
    }
    if (Array.isArray(data)) {
      if (data.length === 0) throw new InputError(`${file}: an empty JSON array: there are no findings to import`);
      if (data.some(isOcsfFinding)) return parseProwlerOcsf(data, file);
      if (data.some(isAsffFinding)) return parseAsff(data);
      throw unknownFormat(file, 'a JSON array of neither Prowler OCSF findings nor ASFF findings');
    }
    const findings = (data as Record<string, unknown> | null)?.Findings;
    if (Array.isArray(findings)) {
      if (findings.length === 0) throw new InputError(`${file}: "Findings" is empty: there are no Security Hub findings to import`);
      return parseAsff(findings);
    }
    throw unknownFormat(file, 'a JSON object without a "Findings" array');
  }
  const header = body.split(/\r?\n/, 1)[0] ?? '';
  if (prowlerCsvDelimiter(header)) return parseProwlerCsv(body, file);
  throw unknownFormat(file, 'neither JSON nor a CSV with CHECK_ID and STATUS columns');
}

const STATUS_ORDER: readonly CheckStatus[] = ['fail', 'error', 'manual', 'pass'];
const CIS_IDS = new Set(MAPPINGS.map((m) => m.id));

/**
 * The scanner's verdict on a recommendation: its worst finding. Unlike Assay's own checks, a
 * scanner PASS on a manual recommendation stays a pass: it is the scanner's claim, shown as such.
 */
function worstStatus(findings: readonly Finding[]): CheckStatus {
  return STATUS_ORDER.find((s) => findings.some((f) => f.status === s)) ?? 'error';
}

function findingKey(recId: string, f: ScannerFinding): string {
  return [recId, f.ruleId, f.region, f.resource, f.status, f.detail].join('\u0000');
}

/** Groups mapped findings by recommendation and lists what did not map. */
export function toImportOutcome(parsed: ParsedFile, file: string): ImportOutcome {
  const byRec = new Map<string, { findings: Finding[]; rules: Set<string>; seen: Set<string> }>();
  const unmapped = new Map<string, number>();
  for (const finding of parsed.findings) {
    const recIds = finding.cisIds.filter((id) => CIS_IDS.has(id));
    if (recIds.length === 0) {
      unmapped.set(finding.ruleId, (unmapped.get(finding.ruleId) ?? 0) + 1);
      continue;
    }
    for (const recId of recIds) {
      const group = byRec.get(recId) ?? { findings: [], rules: new Set<string>(), seen: new Set<string>() };
      byRec.set(recId, group);
      // Security Hub without consolidated findings repeats one check once per enabled standard.
      const key = findingKey(recId, finding);
      if (group.seen.has(key)) continue;
      group.seen.add(key);
      group.rules.add(finding.ruleId);
      group.findings.push({ resource: finding.resource, region: finding.region, status: finding.status, detail: finding.detail });
    }
  }
  const recIds = [...byRec.keys()].sort(compareIds);
  const results: CheckResult[] = recIds.map((recId) => {
    const findings = byRec.get(recId)!.findings;
    return { id: recId, status: worstStatus(findings), findings };
  });
  const mapped: MappedRecommendation[] = results.map((r) => {
    const statuses: Partial<Record<CheckStatus, number>> = {};
    for (const f of r.findings) statuses[f.status] = (statuses[f.status] ?? 0) + 1;
    return { recId: r.id, status: r.status, findings: r.findings.length, statuses, rules: [...byRec.get(r.id)!.rules].sort() };
  });
  const accounts = [...new Set(parsed.findings.map((f) => f.account).filter((a): a is string => !!a && /^\d{12}$/.test(a)))].sort();
  return {
    file,
    format: parsed.format,
    source: FORMAT_SOURCE[parsed.format],
    accounts,
    results,
    mapped,
    unmapped: [...unmapped].map(([ruleId, findings]) => ({ ruleId, findings })).sort((a, b) => a.ruleId.localeCompare(b.ruleId)),
    skipped: parsed.skipped,
  };
}

/** Reads, recognises and maps a scanner file. Throws InputError when nothing in it can be imported. */
export function importScannerText(text: string, file: string): ImportOutcome {
  const outcome = toImportOutcome(parseScannerFile(text, file), file);
  if (outcome.results.length === 0) {
    const why = [
      outcome.unmapped.length > 0 ? `none of its rules map to CIS v6.0.0: ${outcome.unmapped.map((u) => u.ruleId).join(', ')}` : '',
      outcome.skipped.length > 0 ? `skipped: ${outcome.skipped.map((s) => `${s.count} ${s.reason}`).join('; ')}` : '',
    ].filter((s) => s !== '');
    throw new InputError(`${file}: nothing to import (${why.join('; ') || 'no findings'})`);
  }
  return outcome;
}

export function readScannerFile(path: string): ImportOutcome {
  return importScannerText(readInputFile(path, (reason) => `${path}: cannot read the file (${reason})`, INPUT_KINDS.scannerFile), path);
}

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n} ${n === 1 ? word : words}`;
}

/** The report printed after an import: what mapped where, what did not, what was skipped. */
export function describeImport(outcome: ImportOutcome): string {
  const lines: string[] = [];
  const total = outcome.mapped.reduce((n, m) => n + m.findings, 0);
  lines.push(`${FORMAT_NAMES[outcome.format]}: ${plural(total, 'finding')} mapped to ${plural(outcome.mapped.length, 'recommendation')}`);
  for (const m of outcome.mapped) {
    const counts = STATUS_ORDER.filter((s) => m.statuses[s]).map((s) => `${m.statuses[s]} ${s}`).join(', ');
    lines.push(`  ${m.recId.padEnd(6)} ${m.status.padEnd(6)} ${plural(m.findings, 'finding').padEnd(12)} ${`(${counts})`.padEnd(18)} ${m.rules.join(', ')}`);
  }
  if (outcome.unmapped.length > 0) {
    const kind = outcome.source === 'prowler' ? 'check id' : 'rule';
    lines.push(`Not mapped to CIS v6.0.0, not imported (${plural(outcome.unmapped.length, kind)}):`);
    for (const u of outcome.unmapped) lines.push(`  ${u.ruleId} (${plural(u.findings, 'finding')})`);
  }
  if (outcome.skipped.length > 0) {
    lines.push('Skipped:');
    for (const s of outcome.skipped) lines.push(`  ${plural(s.count, 'entry', 'entries')}: ${s.reason}`);
  }
  return lines.join('\n') + '\n';
}
