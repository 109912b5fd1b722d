import { mockClient } from 'aws-sdk-client-mock';
import { PLAN } from '../../src/collect/plan.js';
import { SERVICES, commandClass } from '../../src/collect/services.js';
import { paramsKey, type Snapshot } from '../../src/snapshot.js';

/** One command as a mocked client received it. */
export interface SentCall {
  service: string;
  operation: string;
  region: string;
  input: Record<string, unknown>;
}

/** Answers a command: an SDK-shaped output, or throws an AWS-style error. */
export type Answer = (call: SentCall) => unknown;

/** An error AWS answered with, as the SDK raises it (a ServiceException: `$fault` set). */
export function awsError(code: string, message = ''): Error {
  return Object.assign(new Error(message), { name: code, $fault: 'client', $metadata: { httpStatusCode: 400 } });
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const IAM_DOCUMENTS = new Set(['Document', 'PolicyDocument', 'AssumeRolePolicyDocument']);

/**
 * The reverse of the CLI form: what the SDK would hand the collector for a recorded output
 * (Dates, bytes, URL-encoded IAM policy documents, absent members instead of null).
 */
export function cliToSdk(service: string, operation: string, output: unknown): unknown {
  const convert = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string' && ISO_TIMESTAMP.test(value)) return new Date(value);
    if (typeof value === 'string' && service === 'iam' && operation === 'GetCredentialReport' && key === 'Content') return new Uint8Array(Buffer.from(value, 'base64'));
    if (service === 'iam' && key !== undefined && IAM_DOCUMENTS.has(key) && value && typeof value === 'object') return encodeURIComponent(JSON.stringify(value));
    if (Array.isArray(value)) return value.map((v) => convert(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, convert(v, k)]));
    }
    return value;
  };
  return convert(output);
}

/** Answers from a snapshot's recorded calls; a call it lacks fails with `NotRecorded`, as the fake `aws` does. */
export function answerFrom(snapshot: Snapshot): Answer {
  const byKey = new Map(snapshot.calls.map((c) => [`${c.service} ${c.operation} ${c.region} ${paramsKey(c.params)}`, c]));
  return ({ service, operation, region, input }) => {
    const call = byKey.get(`${service} ${operation} ${region} ${paramsKey(input)}`);
    if (!call) throw awsError('NotRecorded', `no recorded answer for ${service} ${operation} in ${region}`);
    if (call.error) throw awsError(call.error.code, call.error.message ?? '');
    return cliToSdk(service, operation, call.output);
  };
}

/**
 * Mocks every SDK client the collector uses (aws-sdk-client-mock): each plan operation is
 * answered by `answer`, and every command is logged in `sent`. Call `restore()` after the test.
 */
export function mockAws(answer: Answer): { sent: SentCall[]; restore(): void } {
  const sent: SentCall[] = [];
  const mocks = Object.entries(SERVICES).map(([service, { client }]) => {
    const mock = mockClient(client as never);
    for (const operation of new Set(PLAN.filter((s) => s.service === service).map((s) => s.operation))) {
      mock.on(commandClass(service, operation) as never).callsFake(async (input: Record<string, unknown>, getClient: () => unknown) => {
        const client = getClient() as { config: { region: () => Promise<string> } };
        const call = { service, operation, region: await client.config.region(), input: { ...input } };
        sent.push(call);
        return answer(call);
      });
    }
    return mock;
  });
  return { sent, restore: () => mocks.forEach((m) => m.restore()) };
}
