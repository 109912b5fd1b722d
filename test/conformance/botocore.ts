/**
 * AWS's own service models (botocore's JSON models, as AWS publishes them for every API), for tests
 * that hold our calls, snapshots and guidance against the real API: a loader, a shape walker that
 * reports every member the model lacks or holds with another JSON kind, and the CLI's naming rules.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cliCommandName } from '../../src/collect/plan.js';

export interface MemberRef {
  shape: string;
}

export interface Shape {
  type: string;
  members?: Record<string, MemberRef>;
  required?: string[];
  member?: MemberRef;
  value?: MemberRef;
  enum?: string[];
  /** A document shape holds free-form JSON. */
  document?: boolean;
}

export interface Operation {
  name: string;
  input?: MemberRef;
  output?: MemberRef;
}

export interface ServiceModel {
  metadata: { serviceId: string; protocol: string };
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

/** AWS CLI command names that differ from botocore's service folder. */
const BOTOCORE_NAME: Record<string, string> = { s3api: 's3', configservice: 'config' };

export function botocoreServiceName(cliService: string): string {
  return BOTOCORE_NAME[cliService] ?? cliService;
}

let dataDir: string | undefined;

/** botocore's data folder, found once through python3; fails with what to install when it is absent. */
export function botocoreDataDir(): string {
  if (dataDir) return dataDir;
  let folder: string;
  try {
    folder = execFileSync('python3', ['-c', 'import botocore, os; print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    throw new Error(
      `the model-conformance tests need python3 with botocore (AWS's service models); install it with "pip install botocore" or "apt-get install python3-botocore": ${(error as Error).message}`,
    );
  }
  dataDir = join(folder, 'data');
  if (!existsSync(dataDir)) throw new Error(`botocore is installed at ${folder} but has no data folder of service models`);
  return dataDir;
}

const models = new Map<string, ServiceModel | undefined>();

/** The newest model of a service, by its AWS CLI name; undefined when botocore has no such service. */
export function loadModel(cliService: string): ServiceModel | undefined {
  const name = botocoreServiceName(cliService);
  if (models.has(name)) return models.get(name);
  let model: ServiceModel | undefined;
  const folder = join(botocoreDataDir(), name);
  // A folder name is an API version date, so the newest sorts last.
  const versions = /^[a-z0-9-]+$/.test(name) && existsSync(folder) ? readdirSync(folder).sort().reverse() : [];
  for (const version of versions) {
    const plain = join(folder, version, 'service-2.json');
    if (existsSync(plain)) model = JSON.parse(readFileSync(plain, 'utf8')) as ServiceModel;
    else if (existsSync(`${plain}.gz`)) model = JSON.parse(gunzipSync(readFileSync(`${plain}.gz`)).toString('utf8')) as ServiceModel;
    if (model) break;
  }
  models.set(name, model);
  return model;
}

/**
 * A model name as the AWS CLI spells it on the command line (ListUsers → list-users,
 * logGroupName → log-group-name): the plan's rule, which follows botocore's `xform_name`.
 */
export const cliName = cliCommandName;

/** The JSON kind the AWS CLI prints for a model type (timestamps as ISO strings, blobs as base64). */
const JSON_KIND: Record<string, 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean'> = {
  structure: 'object',
  map: 'object',
  list: 'array',
  string: 'string',
  timestamp: 'string',
  blob: 'string',
  integer: 'integer',
  long: 'integer',
  double: 'number',
  float: 'number',
  boolean: 'boolean',
};

function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (Number.isInteger(value)) return 'integer';
  return typeof value;
}

function kindFits(want: string, value: unknown): boolean {
  const got = jsonKind(value);
  return got === want || (want === 'number' && got === 'integer');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

// IAM returns policy documents URL-encoded; snapshots hold them decoded (DESIGN.md ⚑ snapshot).
const IAM_POLICY_DOCUMENT_SHAPE = 'policyDocumentType';

export interface WalkOptions {
  /** Also hold string values against the shape's enum (request members: AWS refuses other values). */
  enums?: boolean;
  /** Accept a decoded JSON object where the model has a policy-document string. */
  decodedPolicyDocuments?: boolean;
}

/**
 * Walks a value against a shape; returns one line per problem, each naming the member path.
 * Lists and maps are walked in full: fixtures are small, and a bad tenth element is still bad.
 */
export function walkShape(model: ServiceModel, shapeName: string, value: unknown, path: string, options: WalkOptions = {}): string[] {
  const problems: string[] = [];
  const walk = (name: string, v: unknown, at: string): void => {
    const shape = model.shapes[name];
    if (!shape) {
      problems.push(`${at}: the model has no shape ${name}`);
      return;
    }
    if (shape.document || v === null) return;
    const want = JSON_KIND[shape.type];
    if (!want) return;
    if (!kindFits(want, v)) {
      const decodedDocument = options.decodedPolicyDocuments && name === IAM_POLICY_DOCUMENT_SHAPE && jsonKind(v) === 'object';
      if (!decodedDocument) problems.push(`${at}: ${jsonKind(v)} where the model has ${shape.type} (${name})`);
      return;
    }
    if (shape.type === 'timestamp' && Number.isNaN(Date.parse(v as string))) problems.push(`${at}: ${JSON.stringify(v)} is not an ISO-8601 timestamp (${name})`);
    if (shape.type === 'blob' && !BASE64.test(v as string)) problems.push(`${at}: a blob must be recorded as base64 (${name})`);
    if (options.enums && shape.type === 'string' && shape.enum && !shape.enum.includes(v as string)) {
      problems.push(`${at}: ${JSON.stringify(v)} is none of ${name}'s values (${shape.enum.join(', ')})`);
    }
    if (shape.type === 'structure') {
      for (const [key, member] of Object.entries(v as Record<string, unknown>)) {
        const ref = shape.members?.[key];
        if (!ref) {
          const near = Object.keys(shape.members ?? {}).find((m) => m.toLowerCase() === key.toLowerCase());
          problems.push(`${at}.${key}: no such member of ${name}${near ? ` (the model spells it ${near})` : ''}`);
        } else walk(ref.shape, member, `${at}.${key}`);
      }
    } else if (shape.type === 'list' && shape.member) {
      const item = shape.member.shape;
      (v as unknown[]).forEach((element, i) => walk(item, element, `${at}[${i}]`));
    } else if (shape.type === 'map' && shape.value) {
      const item = shape.value.shape;
      for (const [key, element] of Object.entries(v as Record<string, unknown>)) walk(item, element, `${at}{${key}}`);
    }
  };
  walk(shapeName, value, path);
  return problems;
}

/** A recorded call in the snapshot form (DESIGN.md ⚑ snapshot); only what conformance looks at. */
export interface RecordedCall {
  service: string;
  operation: string;
  region?: string;
  params?: Record<string, unknown>;
  output?: unknown;
}

export function describeCall(call: RecordedCall): string {
  return `${call.service} ${call.operation}${call.region ? ` ${call.region}` : ''} ${JSON.stringify(call.params ?? {}).slice(0, 100)}`;
}

/** The operation a call names, or the problem that it names none. */
export function findOperation(service: string, operation: string): { model: ServiceModel; op: Operation } | string {
  const model = loadModel(service);
  if (!model) return `no AWS service "${service}" (botocore: ${botocoreServiceName(service)})`;
  const op = model.operations[operation];
  if (!op) {
    const near = Object.keys(model.operations).find((o) => o.toLowerCase() === operation.toLowerCase());
    return `${service} has no operation ${operation}${near ? ` (the model spells it ${near})` : ''}`;
  }
  return { model, op };
}

/** Request members of an operation, as the model spells them. */
export function inputMembers(model: ServiceModel, op: Operation): Record<string, MemberRef> {
  return (op.input && model.shapes[op.input.shape]?.members) ?? {};
}

/** Every problem of one recorded call: service, operation, request members and output members. */
export function checkRecordedCall(call: RecordedCall): string[] {
  const tag = describeCall(call);
  const found = findOperation(call.service, call.operation);
  if (typeof found === 'string') return [`${tag}: ${found}`];
  const { model, op } = found;
  const problems: string[] = [];
  const params = call.params ?? {};
  if (Object.keys(params).length > 0) {
    if (!op.input) problems.push(`${tag}: ${call.operation} takes no request members`);
    else problems.push(...walkShape(model, op.input.shape, params, `${tag}: params`, { enums: true, decodedPolicyDocuments: call.service === 'iam' }));
  }
  if (call.output !== undefined && call.output !== null) {
    if (!op.output) {
      if (jsonKind(call.output) !== 'object' || Object.keys(call.output as object).length > 0) problems.push(`${tag}: ${call.operation} has no output, the call records some`);
    } else {
      problems.push(...walkShape(model, op.output.shape, call.output, `${tag}: output`, { decodedPolicyDocuments: call.service === 'iam' }));
    }
  }
  return problems;
}

/**
 * The shape a dot path reaches from a shape (`''` is the shape itself). Lists on the way are
 * flattened, as the plan's `each` flattens them; with `flattenEnd`, so is a list at the end.
 */
export function resolveShapePath(model: ServiceModel, shapeName: string, path: string, flattenEnd = false): { shape: string } | { problem: string } {
  const unlist = (name: string): string => {
    let current = name;
    while (model.shapes[current]?.type === 'list') current = model.shapes[current]?.member?.shape ?? current;
    return current;
  };
  let current = shapeName;
  for (const segment of path.split('.').filter(Boolean)) {
    current = unlist(current);
    const ref = model.shapes[current]?.members?.[segment];
    if (!ref) return { problem: `${current} has no member ${segment}` };
    current = ref.shape;
  }
  return { shape: flattenEnd ? unlist(current) : current };
}
