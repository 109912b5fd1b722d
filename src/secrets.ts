/**
 * Finds credentials pasted into what an assessor types or attaches: the well-known shapes of AWS
 * keys and session tokens, private key blocks and common API tokens, plus the values of this
 * environment's credential variables. A finding is named by a short hash of its value, never by
 * the value, so it can be listed, kept on purpose and recognised again without being shown.
 *
 * A small table of our own rather than a scanning library: the maintained one (secretlint) leaves
 * AWS key ids off by default, has no rules for AWS session tokens, Stripe keys, Google API keys or
 * JWTs, is asynchronous only, and its current releases need Node 22.
 */
import { createHash } from 'node:crypto';
import { isDecisionEvent, type Decision, type EvidenceRecord, type HistoryEvent } from './model.js';
import type { Snapshot } from './snapshot.js';
import { credentialValues, type SecretValue } from '../evidence/secrets.js';

export type SecretKind =
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'aws-session-token'
  | 'private-key'
  | 'github-token'
  | 'slack-token'
  | 'stripe-key'
  | 'google-api-key'
  | 'json-web-token'
  | 'environment-value';

export interface SecretHit {
  /** The first 12 hex digits of the SHA-256 of kind and value: the same value, the same id. */
  id: string;
  kind: SecretKind;
  /** What it looks like, for a person: "AWS secret access key". */
  label: string;
}

export interface DetectOptions {
  /** Access key ids the account's own data reports: references, not pasted credentials. */
  knownIds?: ReadonlySet<string>;
  /** Values that must never be packed (the environment's credentials). */
  guarded?: readonly SecretValue[];
}

const BASE64 = 'A-Za-z0-9/+';
const ACCESS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/g;
const LABEL_CONNECT = `["']?\\s*(?::|=>|=)\\s*["']?`;
/** How far from a key id an unlabelled 40-character string is taken for its secret. */
const KEY_PAIR_DISTANCE = 200;

interface Pattern {
  kind: Exclude<SecretKind, 'environment-value'>;
  label: string;
  regex: RegExp;
  /** The capture group holding the value when the match also holds a label (default: all of it). */
  group?: number;
  accept?: (value: string, match: RegExpMatchArray, text: string, options: DetectOptions) => boolean;
}

/** AWS secret keys are random base64: mixed case, and never a hex digest (a SHA-1 is 40 characters too). */
const looksRandom = (value: string): boolean => /[a-z]/.test(value) && /[A-Z]/.test(value) && !/^[0-9a-f]+$/i.test(value);

const PATTERNS: readonly Pattern[] = [
  {
    kind: 'aws-access-key-id',
    label: 'AWS access key id',
    regex: ACCESS_KEY_ID,
    accept: (value, _m, _t, options) => !options.knownIds?.has(value),
  },
  {
    kind: 'aws-secret-access-key',
    label: 'AWS secret access key',
    regex: new RegExp(`(?:aws_?)?secret_?(?:access_?)?key${LABEL_CONNECT}([${BASE64}]{40})(?![${BASE64}=])`, 'gi'),
    group: 1,
    accept: looksRandom,
  },
  {
    kind: 'aws-secret-access-key',
    label: 'AWS secret access key',
    regex: new RegExp(`(?<![${BASE64}=])[${BASE64}]{40}(?![${BASE64}=])`, 'g'),
    accept: (value, match, text) => {
      if (!looksRandom(value)) return false;
      const at = match.index ?? 0;
      const around = text.slice(Math.max(0, at - KEY_PAIR_DISTANCE), at + value.length + KEY_PAIR_DISTANCE);
      return new RegExp(ACCESS_KEY_ID.source).test(around);
    },
  },
  {
    kind: 'aws-session-token',
    label: 'AWS session token',
    regex: new RegExp(`(?:aws_?)?(?:session|security)_?token${LABEL_CONNECT}([${BASE64}=]{100,4096})`, 'gi'),
    group: 1,
  },
  {
    // The base64 openings of every STS session token ("\x17\n\x06aws" and "\x21\n\x09origin").
    kind: 'aws-session-token',
    label: 'AWS session token',
    regex: new RegExp(`(?<![${BASE64}=])(?:FwoGZXIvYXdz|IQoJb3JpZ2lu)[${BASE64}=]{50,4096}`, 'g'),
  },
  {
    // The opening line and the start of the body: enough to tell two keys apart.
    kind: 'private-key',
    label: 'private key',
    regex: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----\s{0,4}[A-Za-z0-9/+=]{0,64}/g,
  },
  {
    kind: 'github-token',
    label: 'GitHub token',
    regex: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])/g,
  },
  { kind: 'slack-token', label: 'Slack token', regex: /(?<![A-Za-z0-9])xox[bpars]-[A-Za-z0-9-]{10,250}/g },
  { kind: 'stripe-key', label: 'Stripe live key', regex: /(?<![A-Za-z0-9])(?:sk|rk)_live_[A-Za-z0-9]{16,247}(?![A-Za-z0-9])/g },
  { kind: 'google-api-key', label: 'Google API key', regex: /(?<![A-Za-z0-9_-])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])/g },
  {
    kind: 'json-web-token',
    label: 'JSON web token',
    regex: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,2048}\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{16,1024}(?![A-Za-z0-9_-])/g,
  },
];

/** Longer than any match of the table (and than the context a match is judged in). */
const LONGEST_MATCH = 12 * 1024;
const CONTEXT = 256;

function hitId(kind: SecretKind, value: string): string {
  return createHash('sha256').update(`${kind}\u0000${value}`).digest('hex').slice(0, 12);
}

interface Match {
  /** Where the whole match (label included) starts and ends. */
  start: number;
  end: number;
  valueStart: number;
  value: string;
  hit: SecretHit;
}

function* matches(text: string, options: DetectOptions): Generator<Match> {
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern.regex)) {
      const value = match[pattern.group ?? 0] ?? match[0];
      if (pattern.accept && !pattern.accept(value, match, text, options)) continue;
      const start = match.index ?? 0;
      const hit = { id: hitId(pattern.kind, value), kind: pattern.kind, label: pattern.label };
      yield { start, end: start + match[0].length, valueStart: start + match[0].lastIndexOf(value), value, hit };
    }
  }
  for (const { variable, value } of options.guarded ?? []) {
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + value.length)) {
      const hit: SecretHit = { id: hitId('environment-value', value), kind: 'environment-value', label: `the value of the environment variable ${variable}` };
      yield { start: at, end: at + value.length, valueStart: at, value, hit };
    }
  }
}

/** Matches in `text` that lie within [from, to): a window's edges are judged in the next or last window. */
function scanWindow(text: string, from: number, to: number, options: DetectOptions, found: Map<string, SecretHit>): void {
  for (const { start, end, hit } of matches(text, options)) {
    if (start >= from && end <= to && !found.has(hit.id)) found.set(hit.id, hit);
  }
}

/** Every credential-like value in `text`, once each. */
export function findSecrets(text: string, options: DetectOptions = {}): SecretHit[] {
  const found = new Map<string, SecretHit>();
  scanWindow(text, 0, Infinity, options, found);
  return [...found.values()];
}

/** `text` with each credential-like value replaced by what it looks like, for echoing input back. */
export function maskSecrets(text: string, options: DetectOptions = { guarded: credentialValues() }): string {
  const found = [...matches(text, options)].sort((a, b) => a.valueStart - b.valueStart);
  let masked = '';
  let at = 0;
  for (const { valueStart, value, hit } of found) {
    if (valueStart < at) continue;
    masked += `${text.slice(at, valueStart)}[${hit.label} ${hit.id}]`;
    at = valueStart + value.length;
  }
  return masked + text.slice(at);
}

/**
 * The same search over a stream of bytes (read as Latin-1, so any file can be searched), holding
 * no more than a few windows of it: each window overlaps the last by twice the longest match, and
 * a match is taken only where its whole context lies inside the window.
 */
export class SecretScanner {
  private carry = '';
  private first = true;
  private readonly found = new Map<string, SecretHit>();
  private static readonly OVERLAP = LONGEST_MATCH + CONTEXT;

  constructor(private readonly options: DetectOptions = {}) {}

  push(chunk: Buffer): void {
    const window = this.carry + chunk.toString('latin1');
    const overlap = SecretScanner.OVERLAP;
    // Each window must move on by at least one overlap, or tiny chunks would starve the edges.
    if (window.length < 3 * overlap) {
      this.carry = window;
      return;
    }
    scanWindow(window, this.first ? 0 : CONTEXT, window.length - overlap, this.options, this.found);
    this.carry = window.slice(window.length - 2 * overlap);
    this.first = false;
  }

  finish(): SecretHit[] {
    scanWindow(this.carry, this.first ? 0 : CONTEXT, Infinity, this.options, this.found);
    this.carry = '';
    return [...this.found.values()];
  }
}

/** Access key ids that the account's own data reports (ListAccessKeys, the credential report). */
export function knownCredentialIds(snapshot: Snapshot | undefined): Set<string> {
  const ids = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(ACCESS_KEY_ID)) ids.add(match[0]);
    } else if (Array.isArray(value)) {
      value.forEach(walk);
    } else if (value && typeof value === 'object') {
      Object.values(value).forEach(walk);
    }
  };
  snapshot?.calls.forEach((call) => walk(call.output));
  return ids;
}

// ── where findings are ─────────────────────────────────────────────────────────────────────────

/** Decision members as the command line names them: likelihoodWhy → likelihood-why. */
function fieldName(member: string): string {
  return member.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Every text member of a decision (or of the input for one), by field name. */
function decisionTexts(decision: object): [string, string][] {
  return Object.entries(decision).flatMap(([member, value]) => (typeof value === 'string' ? [[fieldName(member), value] as [string, string]] : []));
}

export interface SecretWarning {
  /** Where it was found: "2.9 justification", "attachment creds.txt of 2.9". */
  where: string;
  hit: SecretHit;
}

export interface KeptSecret {
  id: string;
  kind: SecretKind;
  reason: string;
  keptBy: string;
  keptAt: string;
}

export interface SecretFinding extends SecretHit {
  where: string[];
  /** Environment values never enter a pack, whatever the reason. */
  keepable: boolean;
  kept?: KeptSecret;
}

/** What the search reads from the service (kept narrow so the TUI can offer it too). */
export interface SecretSource {
  getAssessment(id: number): { name: string; createdBy: string };
  getSnapshot(id: number): Snapshot | undefined;
  getDecisions(id: number): Decision[];
  history(id: number): HistoryEvent[];
  listEvidence(id: number): EvidenceRecord[];
  scanEvidence(sha256: string, options: DetectOptions): SecretHit[];
  keptSecrets(id: number): KeptSecret[];
}

function detectOptions(source: Pick<SecretSource, 'getSnapshot'>, assessmentId: number): DetectOptions {
  let known: Set<string> | undefined;
  return {
    // Read (and the snapshot parsed) only when a text holds something shaped like a key id.
    get knownIds() {
      return (known ??= knownCredentialIds(source.getSnapshot(assessmentId)));
    },
    guarded: credentialValues(),
  };
}

function decisionWarnings(decision: { recId: string }, options: DetectOptions): SecretWarning[] {
  return decisionTexts(decision).flatMap(([field, text]) => findSecrets(text, options).map((hit) => ({ where: `${decision.recId} ${field}`, hit })));
}

function evidenceWarnings(source: Pick<SecretSource, 'scanEvidence'>, record: EvidenceRecord, options: DetectOptions, scanned = new Map<string, SecretHit[]>()): SecretWarning[] {
  const nameHits = findSecrets(record.name, options);
  // A name that holds a credential is not repeated: the file is named by its hash instead.
  const file = `attachment ${nameHits.length > 0 ? record.sha256.slice(0, 12) : record.name} of ${record.recId}`;
  let contentHits = scanned.get(record.sha256);
  if (!contentHits) {
    contentHits = source.scanEvidence(record.sha256, options);
    scanned.set(record.sha256, contentHits);
  }
  return [
    ...nameHits.map((hit) => ({ where: `name of ${file}`, hit })),
    ...contentHits.map((hit) => ({ where: file, hit })),
    ...findSecrets(record.note ?? '', options).map((hit) => ({ where: `note of ${file}`, hit })),
    ...findSecrets(record.addedBy, options).map((hit) => ({ where: `adder of ${file}`, hit })),
  ];
}

/** What looks like a credential in decisions just recorded (or about to be). */
export function decisionSecrets(source: Pick<SecretSource, 'getSnapshot'>, assessmentId: number, decisions: readonly { recId: string }[]): SecretWarning[] {
  const options = detectOptions(source, assessmentId);
  return decisions.flatMap((d) => decisionWarnings(d, options));
}

/** What looks like a credential in an attachment just stored: its name, its bytes and its note. */
export function evidenceSecrets(source: Pick<SecretSource, 'getSnapshot' | 'scanEvidence'>, record: EvidenceRecord): SecretWarning[] {
  return evidenceWarnings(source, record, detectOptions(source, record.assessmentId));
}

/**
 * Everything in an assessment that a pack would carry and that looks like a credential: the
 * assessment's own texts, every decision in its history (the history is append-only, so a text
 * replaced since is still there), and every attachment's name, bytes and note.
 */
export function assessmentSecrets(source: SecretSource, assessmentId: number): SecretFinding[] {
  const options = detectOptions(source, assessmentId);
  const assessment = source.getAssessment(assessmentId);
  const warnings: SecretWarning[] = [
    ...findSecrets(assessment.name, options).map((hit) => ({ where: 'assessment name', hit })),
    ...findSecrets(assessment.createdBy, options).map((hit) => ({ where: 'assessment creator', hit })),
  ];
  const current = new Set<string>();
  for (const decision of source.getDecisions(assessmentId)) {
    for (const warning of decisionWarnings(decision, options)) {
      warnings.push(warning);
      current.add(`${warning.where}\u0000${warning.hit.id}`);
    }
  }
  for (const event of source.history(assessmentId)) {
    if (isDecisionEvent(event)) {
      for (const warning of decisionWarnings(event.after, options)) {
        if (!current.has(`${warning.where}\u0000${warning.hit.id}`)) warnings.push({ ...warning, where: `${warning.where} in history #${event.seq} (replaced since)` });
      }
    } else if (event.kind !== 'scan') {
      // history.jsonl carries the name and note of every attachment, detached ones included.
      const texts: [string, string | undefined][] = [['attachment name', event.evidence.name], ['attachment note', event.evidence.note], ['detach reason', event.reason]];
      for (const [field, text] of texts) for (const hit of findSecrets(text ?? '', options)) warnings.push({ where: `${field} in history #${event.seq}`, hit });
    }
    for (const hit of findSecrets(event.actor, options)) warnings.push({ where: `actor of history #${event.seq}`, hit });
  }
  const scanned = new Map<string, SecretHit[]>();
  for (const record of source.listEvidence(assessmentId)) warnings.push(...evidenceWarnings(source, record, options, scanned));

  const kept = new Map(source.keptSecrets(assessmentId).map((k) => [k.id, k]));
  const findings = new Map<string, SecretFinding>();
  for (const { where, hit } of warnings) {
    const finding = findings.get(hit.id);
    if (finding) {
      if (!finding.where.includes(where)) finding.where.push(where);
      continue;
    }
    const keepable = hit.kind !== 'environment-value';
    const record = keepable ? kept.get(hit.id) : undefined;
    findings.set(hit.id, { ...hit, where: [where], keepable, ...(record ? { kept: record } : {}) });
  }
  return [...findings.values()];
}

/** One line per place, for a message: "2.9 justification: AWS secret access key [3f9a2c1b0d4e]". */
export function describeFindings(findings: readonly (SecretFinding | SecretWarning)[]): string[] {
  return findings.flatMap((f) => ('hit' in f ? [`${f.where}: ${f.hit.label} [${f.hit.id}]`] : f.where.map((where) => `${where}: ${f.label} [${f.id}]`)));
}

/** How to deal with a finding, the same wherever one is reported. */
export function secretAdvice(assessmentId: number): string {
  return (
    'replace the text (assay decide again) or the file (assay attach ID REC FILE --replace SHA256); the decision history keeps replaced texts, ' +
    `so once a credential is revoked, or if it is none, keep it on purpose: assay secrets ${assessmentId} --keep FINDING --reason TEXT`
  );
}
