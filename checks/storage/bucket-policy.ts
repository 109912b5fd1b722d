/** Reading S3 bucket policies: parsing the document and finding statements that refuse unencrypted requests. */

import { actionGlobMatch, resourceGlobMatch } from '../iam/wildcard.js';

export interface PolicyStatement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  NotPrincipal?: unknown;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
}

export type ParsedPolicy = { ok: true; statements: PolicyStatement[] } | { ok: false; problem: string };

/**
 * The statements of a policy document. The CLI prints a bucket policy as a JSON string; hand-made
 * snapshots may hold the decoded object or a URL-encoded string, so all three are accepted.
 */
export function parsePolicyDocument(policy: unknown): ParsedPolicy {
  let document: unknown = policy;
  if (typeof policy === 'string') {
    const text = policy.trimStart().startsWith('%') ? safeDecode(policy) : policy;
    try {
      document = JSON.parse(text);
    } catch {
      return { ok: false, problem: 'the policy is not valid JSON' };
    }
  }
  if (!document || typeof document !== 'object' || Array.isArray(document)) return { ok: false, problem: 'the policy is not a JSON object' };
  const statement = (document as { Statement?: unknown }).Statement;
  if (statement === undefined) return { ok: true, statements: [] };
  const list = Array.isArray(statement) ? statement : [statement];
  if (list.some((s) => !s || typeof s !== 'object' || Array.isArray(s))) return { ok: false, problem: 'a policy statement is not an object' };
  return { ok: true, statements: list as PolicyStatement[] };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** IAM wildcard match on a resource: `*` any run of characters, `?` any one, case-sensitive. */
export function wildcardMatch(pattern: string, value: string): boolean {
  return resourceGlobMatch(pattern, value);
}

function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (principal && typeof principal === 'object' && !Array.isArray(principal)) {
    return asList((principal as Record<string, unknown>).AWS).includes('*');
  }
  return false;
}

/**
 * True when some action pattern matches every S3 action (`*`, `s3:*`, `*:*`, `S3:*`…): it ends in
 * a wildcard and already matches the bare prefix `s3:`, so whatever follows is absorbed.
 */
function coversAllS3Actions(actions: unknown): boolean {
  return asList(actions).some((a) => typeof a === 'string' && a.endsWith('*') && actionGlobMatch(a, 's3:'));
}

/**
 * True when some resource pattern matches every object of the bucket: the pattern must end in a
 * wildcard and already match the bare object prefix `arn:…:s3:::bucket/`.
 */
function coversAllObjects(resources: unknown, bucketArn: string): boolean {
  return asList(resources).some((r) => typeof r === 'string' && r.endsWith('*') && wildcardMatch(r, `${bucketArn}/`));
}

/** The forms of deny statement the benchmark accepts for 3.1.1. */
export type HttpDenial =
  | { kind: 'secure-transport'; sid?: string }
  | { kind: 'tls-version'; sid?: string; belowVersion: string };

export interface HttpDenialReview {
  /** Statements that deny every S3 action to everyone on all the bucket's objects over HTTP or old TLS. */
  denials: HttpDenial[];
  /** Statements that point that way but are narrower, explained for the auditor. */
  narrower: string[];
}

type ConditionMatch = { kind: 'secure-transport' } | { kind: 'tls-version'; belowVersion: string };

/** One of the two accepted tests, or undefined for any other condition clause. */
function acceptedTest(operator: string, key: string, value: unknown): ConditionMatch | undefined {
  const values = asList(value).map((v) => String(v).toLowerCase());
  // The request always carries aws:SecureTransport, so BoolIfExists tests the same as Bool.
  if (key.toLowerCase() === 'aws:securetransport' && ['Bool', 'BoolIfExists'].includes(operator) && values.length === 1 && values[0] === 'false') {
    return { kind: 'secure-transport' };
  }
  if (key.toLowerCase() === 's3:tlsversion' && ['NumericLessThan', 'NumericLessThanIfExists'].includes(operator) && values.length > 0) {
    return { kind: 'tls-version', belowVersion: String(asList(value)[0]) };
  }
  return undefined;
}

/**
 * Reads the Condition block. All clauses of a condition must hold for the statement to apply, so
 * the statement counts only when its one clause is an accepted test: any further clause (even the
 * other accepted test) narrows it to requests that may never come.
 */
function httpCondition(condition: PolicyStatement['Condition']): { match?: ConditionMatch; extra: string[] } {
  let match: ConditionMatch | undefined;
  const extra: string[] = [];
  for (const [operator, block] of Object.entries(condition ?? {})) {
    if (!block || typeof block !== 'object' || Array.isArray(block)) {
      extra.push(`${operator} (not a key-value block)`);
      continue;
    }
    for (const [key, value] of Object.entries(block)) {
      const test = match ? undefined : acceptedTest(operator, key, value);
      if (test) match = test;
      else extra.push(`${operator} ${key}`);
    }
  }
  return { ...(match ? { match } : {}), extra };
}

/** Finds the statements that refuse HTTP (or TLS below a version) for the whole bucket. */
export function reviewHttpDenials(statements: readonly PolicyStatement[], bucketArn: string): HttpDenialReview {
  const denials: HttpDenial[] = [];
  const narrower: string[] = [];
  statements.forEach((statement, index) => {
    if (statement.Effect !== 'Deny') return;
    const { match, extra } = httpCondition(statement.Condition);
    if (!match) return;
    const label = statement.Sid ? `statement "${statement.Sid}"` : `statement ${index + 1}`;
    const gaps: string[] = [];
    if (statement.NotPrincipal !== undefined || !isEveryone(statement.Principal)) gaps.push('it applies only to some principals');
    if (statement.NotAction !== undefined || !coversAllS3Actions(statement.Action)) gaps.push('it covers only some actions, not s3:*');
    if (statement.NotResource !== undefined || !coversAllObjects(statement.Resource, bucketArn)) gaps.push(`its resources do not cover ${bucketArn}/*`);
    if (extra.length > 0) gaps.push(`it is narrowed by further conditions (${extra.join(', ')})`);
    if (gaps.length > 0) {
      narrower.push(`${label} denies ${match.kind === 'secure-transport' ? 'HTTP' : 'old TLS'} but ${gaps.join('; ')}`);
      return;
    }
    const sid = statement.Sid ? { sid: statement.Sid } : {};
    denials.push(match.kind === 'secure-transport' ? { kind: 'secure-transport', ...sid } : { kind: 'tls-version', belowVersion: match.belowVersion, ...sid });
  });
  return { denials, narrower };
}

/** True when some Allow statement is conditioned on aws:SecureTransport true: HTTPS allowed, HTTP not refused. */
export function hasAllowOnlyHttps(statements: readonly PolicyStatement[]): boolean {
  return statements.some(
    (s) =>
      s.Effect === 'Allow' &&
      Object.entries(s.Condition ?? {}).some(([operator, block]) =>
        operator.startsWith('Bool') && Object.entries(block ?? {}).some(([k, v]) => k.toLowerCase() === 'aws:securetransport' && asList(v).map(String).includes('true')),
      ),
  );
}
