/** The pack's integrity files: manifest.json, SHA256SUMS and the optional minisign signature. */
import { entryNameProblem, printableName } from './names.js';

export const MANIFEST_FILE = 'manifest.json';
export const SUMS_FILE = 'SHA256SUMS';
export const SIGNATURE_FILE = 'SHA256SUMS.minisig';
export const PACK_FORMAT = 'assay.evidence-pack/v1';

export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
}

export interface Manifest {
  format: typeof PACK_FORMAT;
  tool: { name: string; version: string };
  benchmark: { name: string; version: string };
  assessmentId: number;
  account: string;
  /** The pack's as-of time (see PackData.asOf): the latest recorded change unless given. */
  exportedAt: string;
  exportedAtBasis: 'given' | 'latest recorded change';
  /** The end of the decision history's hash chain, so a truncated history.jsonl is noticed. */
  history: { events: number; head: string };
  /** Every file of the pack except manifest.json, SHA256SUMS and its signature, in zip order. */
  files: ManifestFile[];
}

/**
 * `sha256sum` text format: "<hex>  <path>" per line (two spaces: binary/text mode is moot). A path
 * that could break its line or pass for another (a newline, a control character) is refused:
 * entry names are sanitised long before they get here, so one would be a defect, not input.
 */
export function formatSums(files: readonly ManifestFile[]): string {
  return files
    .map((f) => {
      const problem = entryNameProblem(f.path);
      if (problem) throw new Error(`refusing to list ${printableName(f.path)} in ${SUMS_FILE}: ${problem}`);
      return `${f.sha256}  ${f.path}\n`;
    })
    .join('');
}

export interface SumsLine {
  line: number;
  sha256: string;
  path: string;
}

/** Parses SHA256SUMS; lines that are not "<64 hex> <space or *><path>" are returned as problems. */
export function parseSums(text: string): { entries: SumsLine[]; problems: string[] } {
  const entries: SumsLine[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    if (raw === '') return;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(raw);
    if (!match) problems.push(`${SUMS_FILE} line ${index + 1} is not "<sha256>  <path>"`);
    else entries.push({ line: index + 1, sha256: match[1]!, path: match[2]! });
  });
  return { entries, problems };
}

export function signatureTrustedComment(manifest: Pick<Manifest, 'assessmentId' | 'account' | 'exportedAt' | 'tool'>): string {
  return `assay evidence pack: assessment ${manifest.assessmentId}, account ${manifest.account || 'unknown'}, as of ${manifest.exportedAt}, ${manifest.tool.name} ${manifest.tool.version}`;
}
