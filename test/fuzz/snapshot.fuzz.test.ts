/**
 * Property-based fuzzing of the snapshot reader and the checks (fast-check). From the demo account,
 * mutations that can only damage data or take it away — a member of another JSON kind, a value
 * outside AWS's model, a dropped call, a result list removed — must end `scan` in exit 0, 1 or 2
 * within a bound and must never turn a recommendation into `pass` that was not `pass` before.
 * Mutations that could make the account genuinely compliant (removing an open rule, changing one
 * valid value for another) are kept out of that property. Files the reader must refuse (invalid
 * UTF-8, UTF-16, conflicting duplicates, absurd nesting, impossible dates) must end in exit 2.
 * fast-check prints the seed and the shrunk mutation when a property fails.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { bundleForChildProcess, removeBundle } from '../helpers/bundle.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutputShapeTable, ShapeRef } from '../../checks/shapes/table.js';
import { loadDemoSnapshot } from '../../src/demo.js';
import { packagePath } from '../../src/paths.js';
import type { Snapshot } from '../../src/snapshot.js';

/** Longer than any scan of the demo takes on a loaded machine; a scan still running then has hung. */
const SCAN_BOUND_MS = 15_000;

interface Answer {
  code: number | 'uncaught' | 'hung';
  out: string;
  err: string;
  crash?: string;
}

let bundleDir = '';
const folder = mkdtempSync(join(tmpdir(), 'assay-fuzz-'));
let server: { child: ChildProcessWithoutNullStreams; answers: AsyncIterator<string> } | undefined;

function startServer() {
  const child = spawn(process.execPath, [join(bundleDir, 'scan-server.mjs')], { env: { ...process.env, NODE_ENV: 'production' } });
  return { child, answers: createInterface({ input: child.stdout })[Symbol.asyncIterator]() };
}

/** One scan in the server process; a scan past the bound kills the server (a fresh one takes the next). */
async function scan(contents: string | Buffer): Promise<Answer> {
  const file = join(folder, 'snapshot.json');
  writeFileSync(file, contents);
  server ??= startServer();
  const { child, answers } = server;
  child.stdin.write(`${file}\n`);
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), SCAN_BOUND_MS)));
  const answer = await Promise.race([answers.next(), hung]);
  clearTimeout(timer);
  if (answer === 'hung' || answer.done) {
    child.kill('SIGKILL');
    server = undefined;
    return { code: 'hung', out: '', err: '' };
  }
  return JSON.parse(answer.value) as Answer;
}

beforeAll(async () => {
  bundleDir = await bundleForChildProcess(['test', 'fuzz', 'scan-server.ts'], 'assay-fuzz');
}, 60_000);

afterAll(() => {
  server?.child.kill('SIGKILL');
  removeBundle(bundleDir);
  rmSync(folder, { recursive: true, force: true });
});

const demo = loadDemoSnapshot();
const demoText = JSON.stringify(demo);
const table = JSON.parse(readFileSync(packagePath('checks', 'shapes', 'output-shapes.json'), 'utf8')) as OutputShapeTable;

type Path = (string | number)[];

/** A place in a recorded output, with what AWS's model says of it (read from the committed table). */
interface Node {
  call: number;
  path: Path;
  value: unknown;
  /** A scalar kind, or `list`/`structure`/`map`/`enum`; `unknown` where the model has no such member. */
  kind: string;
  /** Inside an IAM or bucket policy: only what the policy grammar forbids is damage. */
  inPolicy?: boolean;
  /** Under a policy's Condition or Principal, where strings, numbers, lists and objects are all valid. */
  freeForm?: boolean;
  /** A result list or a required list or object: AWS always returns it. */
  alwaysPresent?: boolean;
  nullable?: boolean;
}

function describeShape(service: string, ref: ShapeRef) {
  return table.shapes[service]?.[ref];
}

/** Every node of every recorded output of the demo account, with its kind in AWS's model. */
function nodesOf(snapshot: Snapshot): Node[] {
  const nodes: Node[] = [];
  snapshot.calls.forEach((call, index) => {
    const operation = table.operations[`${call.service} ${call.operation}`];
    if (call.output === undefined || !operation?.output) return;
    const walkPolicy = (value: unknown, path: Path, freeForm: boolean) => {
      nodes.push({ call: index, path, value, kind: 'policy', inPolicy: true, freeForm });
      if (value && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          walkPolicy(child, [...path, Array.isArray(value) ? Number(key) : key], freeForm || ['Condition', 'Principal', 'NotPrincipal'].includes(key));
        }
      }
    };
    const walk = (value: unknown, ref: ShapeRef | undefined, path: Path, extra: Partial<Node>) => {
      if (ref === 'policyDocument') {
        if (typeof value === 'string') nodes.push({ call: index, path, value, kind: 'policy', inPolicy: true });
        else walkPolicy(value, path, false);
        return;
      }
      const shape = ref === undefined ? undefined : describeShape(call.service, ref);
      nodes.push({ call: index, path, value, kind: ref === undefined ? 'unknown' : (shape?.type ?? ref), ...extra });
      if (!shape || value === null || typeof value !== 'object') return;
      if (shape.type === 'list' && Array.isArray(value)) value.forEach((item, i) => walk(item, shape.member, [...path, i], {}));
      if (shape.type === 'map') for (const [key, item] of Object.entries(value)) walk(item, shape.value, [...path, key], {});
      if (shape.type === 'structure') {
        for (const [key, item] of Object.entries(value)) {
          const member = Object.hasOwn(shape.members, key) ? shape.members[key] : undefined;
          const memberType = member === undefined ? undefined : describeShape(call.service, member)?.type;
          const container = memberType === 'list' || memberType === 'map' || memberType === 'structure';
          const alwaysPresent = (path.length === 0 && (operation.results ?? []).includes(key)) || (container && (shape.required ?? []).includes(key));
          walk(item, member, [...path, key], { alwaysPresent, nullable: shape.nullable?.includes(key) });
        }
      }
    };
    walk(call.output, operation.output, [], {});
  });
  return nodes.filter((node) => node.path.length > 0);
}

const NODES = nodesOf(demo);

const jsonKind = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

/** Values of another JSON kind than `value`'s that the model (or the policy grammar) does not allow there. */
function wrongKinds(node: Node): unknown[] {
  if (node.kind === 'unknown' || node.kind === 'document' || node.freeForm) return [];
  const candidates = node.inPolicy ? [null, 12345, {}] : [null, 12345, 1.5, 'text', true, [], {}, [null]];
  return candidates.filter((candidate) => {
    if (candidate === null && node.nullable) return false;
    if (jsonKind(candidate) !== jsonKind(node.value)) return true;
    // Same JSON kind, still outside the model: a fraction where it has an integer.
    return node.kind === 'integer' && candidate === 1.5;
  });
}

/** Values of the right JSON kind that AWS's model never allows there. */
function invalidValues(node: Node): unknown[] {
  if (node.inPolicy) return [];
  if (node.kind === 'enum') return ['NOT_AN_AWS_VALUE'];
  if (node.kind === 'timestamp') return ['not-a-date', '2026-02-30T00:00:00Z', '2026-11-25T24:61:00Z'];
  if (node.kind === 'integer') return [2.5, 1e300];
  if (node.kind === 'blob') return ['not base64!'];
  return [];
}

type Mutation =
  | { kind: 'replace'; call: number; path: Path; value: unknown }
  | { kind: 'delete'; call: number; path: Path }
  | { kind: 'drop-call'; call: number };

const damagingNodes = NODES.filter((node) => wrongKinds(node).length + invalidValues(node).length > 0);
const alwaysPresentNodes = NODES.filter((node) => node.alwaysPresent);

/** Mutations that can only damage data or take it away: none of them can make the account compliant. */
const damaging: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .constantFrom(...damagingNodes)
    .chain((node) => fc.constantFrom(...wrongKinds(node), ...invalidValues(node)).map((value): Mutation => ({ kind: 'replace', call: node.call, path: node.path, value }))),
  fc.constantFrom(...alwaysPresentNodes).map((node): Mutation => ({ kind: 'delete', call: node.call, path: node.path })),
  fc.nat({ max: demo.calls.length - 1 }).map((call): Mutation => ({ kind: 'drop-call', call })),
);

function apply(mutations: readonly Mutation[]): Snapshot {
  const snapshot = structuredClone(demo);
  const dropped = new Set<number>();
  for (const mutation of mutations) {
    if (mutation.kind === 'drop-call') {
      dropped.add(mutation.call);
      continue;
    }
    let parent = snapshot.calls[mutation.call]!.output as Record<string | number, unknown>;
    for (const key of mutation.path.slice(0, -1)) parent = parent?.[key] as Record<string | number, unknown>;
    // An earlier mutation may have replaced a parent by a scalar: nothing is left to change there.
    if (!parent || typeof parent !== 'object') continue;
    const key = mutation.path[mutation.path.length - 1]!;
    if (mutation.kind === 'delete') delete parent[key];
    else parent[key] = mutation.value;
  }
  snapshot.calls = snapshot.calls.filter((_, i) => !dropped.has(i));
  return snapshot;
}

const statuses = (answer: Answer) => new Map((JSON.parse(answer.out) as { results: { id: string; status: string }[] }).results.map((r) => [r.id, r.status]));

let original: Map<string, string>;

describe('fuzzed snapshots (fast-check)', () => {
  beforeAll(async () => {
    const answer = await scan(demoText);
    expect(answer.code).toBe(0);
    original = statuses(answer);
  }, 60_000);

  it('the demo offers many places to damage', () => {
    expect(damagingNodes.length).toBeGreaterThan(1000);
    expect(alwaysPresentNodes.length).toBeGreaterThan(50);
  });

  it('damage ends in exit 0, 1 or 2 within the bound and never creates a pass', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(damaging, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const answer = await scan(JSON.stringify(apply(mutations)));
        expect(answer.crash).toBeUndefined();
        expect([0, 1, 2]).toContain(answer.code);
        if (answer.code === 2) {
          expect(answer.err).toMatch(/^assay: /);
          return;
        }
        const now = statuses(answer);
        const newPasses = [...now].filter(([id, status]) => status === 'pass' && original.get(id) !== 'pass').map(([id]) => id);
        expect(newPasses).toEqual([]);
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  /** Files the reader refuses whole, described small so that a failure prints readably. */
  type Refused =
    | { kind: 'invalid-utf8'; at: number }
    | { kind: 'utf16' }
    | { kind: 'conflicting-duplicate'; call: number }
    | { kind: 'deep'; node: number; depth: number }
    | { kind: 'collectedAt'; value: string };
  const refused: fc.Arbitrary<Refused> = fc.oneof(
    fc.nat({ max: demoText.length - 1 }).map((at): Refused => ({ kind: 'invalid-utf8', at })),
    fc.constant<Refused>({ kind: 'utf16' }),
    fc.nat({ max: demo.calls.length - 1 }).map((call): Refused => ({ kind: 'conflicting-duplicate', call })),
    fc.record({ node: fc.nat({ max: NODES.length - 1 }), depth: fc.integer({ min: 70, max: 5000 }) }).map((deep): Refused => ({ kind: 'deep', ...deep })),
    fc.constantFrom('2026-02-30T10:00:00Z', '2026-11-25T10:00:00', 'soon', '').map((value): Refused => ({ kind: 'collectedAt', value })),
  );

  function refusedBytes(file: Refused): Buffer {
    switch (file.kind) {
      case 'invalid-utf8':
        return Buffer.concat([Buffer.from(demoText.slice(0, file.at)), Buffer.from([0xff]), Buffer.from(demoText.slice(file.at))]);
      case 'utf16':
        return Buffer.from(`\ufeff${demoText}`, 'utf16le');
      case 'conflicting-duplicate': {
        const snapshot = structuredClone(demo);
        const { output: _output, error, ...call } = snapshot.calls[file.call]!;
        snapshot.calls.splice(file.call + 1, 0, error ? { ...call, output: {} } : { ...call, error: { code: 'AccessDenied' } });
        return Buffer.from(JSON.stringify(snapshot));
      }
      case 'deep': {
        const node = NODES[file.node]!;
        const text = JSON.stringify(apply([{ kind: 'replace', call: node.call, path: node.path, value: '@@DEEP@@' }]));
        return Buffer.from(text.replace('"@@DEEP@@"', `${'['.repeat(file.depth)}1${']'.repeat(file.depth)}`));
      }
      case 'collectedAt':
        return Buffer.from(JSON.stringify({ ...demo, collectedAt: file.value }));
    }
  }

  it('files the reader must refuse end in exit 2 naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(refused, async (file) => {
        const answer = await scan(refusedBytes(file));
        expect(answer.crash).toBeUndefined();
        expect(answer.code).toBe(2);
        expect(answer.err).toContain(join(folder, 'snapshot.json'));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('a UTF-8 byte-order mark changes nothing', async () => {
    const answer = await scan(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(demoText)]));
    expect(answer.code).toBe(0);
    expect(statuses(answer)).toEqual(original);
  });
});
