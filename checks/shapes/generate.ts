/**
 * Writes checks/shapes/output-shapes.json: the output shapes, from AWS's own service models
 * (botocore's JSON models), of exactly the operations the collection plan makes and the checks
 * read. Only what a reader needs to tell damaged data from real answers is kept: member names,
 * JSON kinds, enum values, required members and the operation's result lists.
 *
 *   npx vite-node checks/shapes/generate.ts     (needs python3 with botocore)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CATALOG } from '../catalog.js';
import { PLAN } from '../../src/collect/plan.js';
import { packagePath } from '../../src/paths.js';
import { SCALAR_KINDS, type OutputShapeTable, type ShapeRef, type TableShape } from './table.js';

/** Calls checks read as supporting evidence only, so neither the plan nor a `reads` entry names them. */
const ALSO_READ = ['kms ListAliases'];

/** AWS CLI command names that differ from botocore's service folder. */
const BOTOCORE_NAME: Record<string, string> = { s3api: 's3', configservice: 'config' };

// IAM returns policy documents URL-encoded; snapshots hold them decoded (DESIGN.md ⚑ snapshot).
const IAM_POLICY_DOCUMENT_SHAPE = 'policyDocumentType';
/** Members the model calls strings that hold a policy as JSON text: held to the policy grammar. */
const POLICY_TEXT_MEMBERS: Record<string, string[]> = { s3api: ['GetBucketPolicyOutput.Policy'] };

/**
 * Enums this long, and the regions, are catalogues AWS extends every month (instance types, Config
 * resource types): a value the table lacks is more likely new than damaged, so they are kept as strings.
 */
const MAX_ENUM_VALUES = 100;
const OPEN_CATALOGUES: Record<string, string[]> = { s3api: ['BucketLocationConstraint'] };
/** The one member the AWS CLI prints as null: a bucket's location in us-east-1. Any other null is damage. */
const NULL_MEANS_UNSET: Record<string, string[]> = { s3api: ['GetBucketLocationOutput.LocationConstraint'] };

const SCALAR: Record<string, ShapeRef> = {
  string: 'string',
  timestamp: 'timestamp',
  blob: 'blob',
  integer: 'integer',
  long: 'integer',
  double: 'number',
  float: 'number',
  boolean: 'boolean',
};

interface BotocoreShape {
  type: string;
  members?: Record<string, { shape: string }>;
  required?: string[];
  member?: { shape: string };
  value?: { shape: string };
  enum?: string[];
  document?: boolean;
}

interface BotocoreModel {
  operations: Record<string, { output?: { shape: string } }>;
  shapes: Record<string, BotocoreShape>;
}

function readJson<T>(path: string): T | undefined {
  if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as T;
  if (existsSync(`${path}.gz`)) return JSON.parse(gunzipSync(readFileSync(`${path}.gz`)).toString('utf8')) as T;
  return undefined;
}

const botocore = execFileSync('python3', ['-c', 'import botocore, os; print(os.path.dirname(botocore.__file__) + " " + botocore.__version__)'], { encoding: 'utf8' })
  .trim()
  .split(' ');
const dataDir = join(botocore[0]!, 'data');

/** The newest API version of a service that has a model, with its paginators. */
function loadService(cliService: string): { model: BotocoreModel; resultKeys: Record<string, string[]> } {
  const folder = join(dataDir, BOTOCORE_NAME[cliService] ?? cliService);
  for (const version of readdirSync(folder).sort().reverse()) {
    const model = readJson<BotocoreModel>(join(folder, version, 'service-2.json'));
    if (!model) continue;
    const paginators = readJson<{ pagination: Record<string, { result_key?: string | string[] }> }>(join(folder, version, 'paginators-1.json'));
    const resultKeys = Object.fromEntries(
      Object.entries(paginators?.pagination ?? {}).map(([operation, p]) => [operation, [p.result_key ?? []].flat().filter((key) => /^\w+$/.test(key))]),
    );
    return { model, resultKeys };
  }
  throw new Error(`botocore has no model for ${cliService}`);
}

const operations = [...new Set([...CATALOG.flatMap((rec) => rec.reads.map((r) => `${r.service} ${r.operation}`)), ...PLAN.map((s) => `${s.service} ${s.operation}`), ...ALSO_READ])].sort();

const table: OutputShapeTable = { source: `botocore ${botocore[1]}, by checks/shapes/generate.ts`, operations: {}, shapes: {} };

for (const entry of operations) {
  const [service, operation] = entry.split(' ') as [string, string];
  const { model, resultKeys } = loadService(service);
  const op = model.operations[operation];
  if (!op) throw new Error(`${service} has no operation ${operation}`);
  const shapes = (table.shapes[service] ??= {});
  const refOf = (name: string): ShapeRef => {
    const shape = model.shapes[name];
    if (!shape) throw new Error(`${service}: no shape ${name}`);
    if (service === 'iam' && name === IAM_POLICY_DOCUMENT_SHAPE) return 'policyDocument';
    if (shape.document) return 'document';
    const scalar = SCALAR[shape.type];
    const closedEnum = shape.type === 'string' && shape.enum && shape.enum.length <= MAX_ENUM_VALUES && !OPEN_CATALOGUES[service]?.includes(name);
    if (scalar && !closedEnum) return scalar;
    if ((SCALAR_KINDS as readonly string[]).includes(name)) throw new Error(`${service}: shape ${name} has the name of a JSON kind`);
    if (!shapes[name]) {
      let kept: TableShape;
      if (shape.type === 'string') kept = { type: 'enum', values: shape.enum ?? [] };
      else if (shape.type === 'list') kept = { type: 'list', member: 'string' };
      else if (shape.type === 'map') kept = { type: 'map', value: 'string' };
      else if (shape.type === 'structure') kept = { type: 'structure', members: {} };
      else throw new Error(`${service} ${name}: unknown shape type ${shape.type}`);
      shapes[name] = kept; // before its members, so recursive shapes end
      if (kept.type === 'list') kept.member = refOf(shape.member!.shape);
      if (kept.type === 'map') kept.value = refOf(shape.value!.shape);
      if (kept.type === 'structure') {
        for (const [member, ref] of Object.entries(shape.members ?? {})) {
          kept.members[member] = POLICY_TEXT_MEMBERS[service]?.includes(`${name}.${member}`) ? 'policyDocument' : refOf(ref.shape);
        }
        if (shape.required?.length) kept.required = [...shape.required].sort();
        const nullable = Object.keys(kept.members).filter((member) => NULL_MEANS_UNSET[service]?.includes(`${name}.${member}`));
        if (nullable.length > 0) kept.nullable = nullable;
      }
    }
    return name;
  };
  // The answer of a List or Describe call is its list: the paginator's result keys, or else its only list.
  const outputMembers = op.output ? Object.entries(model.shapes[op.output.shape]?.members ?? {}) : [];
  const lists = outputMembers.filter(([, ref]) => model.shapes[ref.shape]?.type === 'list').map(([member]) => member);
  const results = resultKeys[operation]?.length ? resultKeys[operation] : /^(List|Describe)/.test(operation) && lists.length === 1 ? lists : [];
  table.operations[entry] = {
    ...(op.output ? { output: refOf(op.output.shape) } : {}),
    ...(results.length > 0 ? { results } : {}),
  };
}

const out = packagePath('checks', 'shapes', 'output-shapes.json');
// One operation or shape a line, so a regenerated table diffs by what changed.
const lines = (entries: Record<string, unknown>, indent: string) =>
  Object.entries(entries)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${indent}${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join(',\n');
const services = Object.entries(table.shapes)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([service, shapes]) => `    ${JSON.stringify(service)}: {\n${lines(shapes, '      ')}\n    }`)
  .join(',\n');
writeFileSync(out, `{\n  "source": ${JSON.stringify(table.source)},\n  "operations": {\n${lines(table.operations, '    ')}\n  },\n  "shapes": {\n${services}\n  }\n}\n`);
console.log(`${out}: ${operations.length} operations, ${Object.values(table.shapes).reduce((n, s) => n + Object.keys(s).length, 0)} shapes`);
