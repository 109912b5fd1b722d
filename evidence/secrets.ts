/**
 * Keeps credentials out of packs. Snapshot members that hold secrets by name are blanked; the
 * values of credential-like environment variables are never written, whichever file they turn up
 * in; an attachment carrying one stops the export (its bytes are evidence and cannot be edited).
 */
import { Transform, type TransformCallback } from 'node:stream';

export const REDACTED = '[redacted by assay]';

/** Response members that carry a secret rather than describe a resource (compared case-insensitively). */
const SECRET_MEMBERS = new Set(['secretaccesskey', 'sessiontoken', 'securitytoken', 'password', 'privatekey', 'secretstring', 'secretbinary', 'clientsecret', 'authtoken']);

const CREDENTIAL_VARIABLE = /^AWS_(SECRET_ACCESS_KEY|SESSION_TOKEN|SECURITY_TOKEN|ACCESS_KEY_ID|CONTAINER_AUTHORIZATION_TOKEN)$|SECRET|TOKEN|PASSWORD|PASSWD|PRIVATE_KEY|CREDENTIAL/i;
/** Shorter values are too likely to occur by chance (and too weak to be credentials). */
const MIN_SECRET_LENGTH = 12;

export interface SecretValue {
  variable: string;
  value: string;
}

/** The values of credential-like environment variables worth guarding. */
export function credentialValues(env: NodeJS.ProcessEnv = process.env): SecretValue[] {
  return Object.entries(env)
    .filter((entry): entry is [string, string] => CREDENTIAL_VARIABLE.test(entry[0]) && typeof entry[1] === 'string' && entry[1].length >= MIN_SECRET_LENGTH)
    .map(([variable, value]) => ({ variable, value }))
    .sort((a, b) => b.value.length - a.value.length || a.variable.localeCompare(b.variable));
}

/** A deep copy with every secret-named member's value replaced. */
export function redactSecretMembers<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, inner]) => [k, SECRET_MEMBERS.has(k.toLowerCase()) && inner !== null ? REDACTED : walk(inner)]));
    }
    return v;
  };
  return walk(value) as T;
}

/** `text` with every occurrence of a guarded value replaced. */
export function scrubText(text: string, secrets: readonly SecretValue[]): string {
  let out = text;
  for (const { value } of secrets) {
    if (out.includes(value)) out = out.split(value).join(REDACTED);
  }
  return out;
}

export class SecretInAttachmentError extends Error {
  constructor(readonly variable: string) {
    super(`contains the value of the environment variable ${variable}`);
    this.name = 'SecretInAttachmentError';
  }
}

/**
 * Passes bytes through unchanged and fails the stream if a guarded value appears, also across
 * chunk boundaries (the tail of each chunk is kept to search together with the next one).
 */
export function secretGuard(secrets: readonly SecretValue[]): Transform {
  const needles = secrets.map((s) => ({ variable: s.variable, bytes: Buffer.from(s.value, 'utf8') }));
  const keep = Math.max(0, ...needles.map((n) => n.bytes.length - 1));
  let tail = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      if (needles.length > 0) {
        const window = tail.length > 0 ? Buffer.concat([tail, chunk]) : chunk;
        const found = needles.find((n) => window.indexOf(n.bytes) !== -1);
        if (found) {
          callback(new SecretInAttachmentError(found.variable));
          return;
        }
        tail = Buffer.from(window.subarray(Math.max(0, window.length - keep)));
      }
      callback(null, chunk);
    },
  });
}
