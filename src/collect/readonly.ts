/**
 * Assay only reads configuration, and only what the checks need. Every call the collector sends
 * passes `assertReadOnly` (a middleware on every SDK client it builds, see services.ts), which lets
 * through exactly the operations of the collection plan: a read-style name is not enough, as some
 * reads reach credentials or data (an instance's user data, a VPN's pre-shared keys), and a plan
 * entry added later is allowed by being added, so the list and the plan cannot drift.
 *
 * The credential chain (fromNodeProviderChain, fromTemporaryCredentials for --role-arn) is not
 * guarded here: the SDK builds its STS, SSO, SSO-OIDC and sign-in clients itself from
 * @aws-sdk/nested-clients, modules that hold only the calls exchanging one credential for another
 * (AssumeRole, AssumeRoleWithWebIdentity, GetRoleCredentials, CreateToken, CreateOAuth2Token), and
 * no plan entry or Assay code reaches those clients; test/collect/readonly.test.ts pins that.
 */
import { PLAN } from './plan.js';

const PLAN_OPERATIONS: ReadonlySet<string> = new Set(PLAN.map((step) => `${step.service}:${step.operation}`));

export function isReadOnlyOperation(service: string, operation: string): boolean {
  return PLAN_OPERATIONS.has(`${service}:${operation}`);
}

export class ReadOnlyViolation extends Error {
  constructor(service: string, operation: string) {
    super(`refused ${service} ${operation}: assay only sends the read-only calls of its collection plan`);
    this.name = 'ReadOnlyViolation';
  }
}

export function assertReadOnly(service: string, operation: string): void {
  if (!isReadOnlyOperation(service, operation)) throw new ReadOnlyViolation(service, operation);
}
