/**
 * Assay only reads configuration. Every call the collector sends passes `assertReadOnly` (a
 * middleware on every SDK client it builds, see services.ts), so a plan entry or a bug can never
 * change an account.
 */

const READ_STYLE = /^(Get|List|Describe)[A-Z]/;

/** Not Get/List/Describe-style, yet read-only: it only asks IAM to build the credential report. */
const ALSO_ALLOWED = new Set(['iam:GenerateCredentialReport']);

/** Read-style names that reach into data, secrets or credentials rather than configuration. */
const NEVER = new Set([
  's3api:GetObject',
  's3api:GetObjectTorrent',
  'ec2:GetPasswordData',
  'ec2:GetConsoleOutput',
  'ec2:GetConsoleScreenshot',
  'logs:GetLogEvents',
  'logs:GetLogRecord',
  'logs:GetQueryResults',
  'sts:GetSessionToken',
  'sts:GetFederationToken',
  'macie2:GetSensitiveDataOccurrences',
]);

export function isReadOnlyOperation(service: string, operation: string): boolean {
  const name = `${service}:${operation}`;
  if (NEVER.has(name)) return false;
  return READ_STYLE.test(operation) || ALSO_ALLOWED.has(name);
}

export class ReadOnlyViolation extends Error {
  constructor(service: string, operation: string) {
    super(`refused ${service} ${operation}: assay only sends read-only (Get, List, Describe) calls`);
    this.name = 'ReadOnlyViolation';
  }
}

export function assertReadOnly(service: string, operation: string): void {
  if (!isReadOnlyOperation(service, operation)) throw new ReadOnlyViolation(service, operation);
}
