/**
 * Principle: damaged data never passes. A check reads a recorded output only through a view that
 * holds each member it reads to AWS's model of that operation's output (shapes/output-shapes.json,
 * generated from botocore): a member of another JSON kind, a null where the model has a value, an
 * enum value the model does not have, a timestamp that is not ISO-8601, a blob that is not base64,
 * an IAM or bucket policy that breaks the policy grammar, or an absent result list (or a list or
 * object the model requires) makes that read throw `DamagedInput`, naming the call and the member. The check's
 * verdict is then `error`, as for any missing input, never `pass`. Members a check does not read are
 * never judged, and members the model does not know are handed over unchanged (DESIGN.md: unknown
 * fields are ignored).
 */
import { readFileSync } from 'node:fs';
import { packagePath } from '../src/paths.js';
import { isIsoTimestamp } from '../src/snapshot.js';
import { decodePolicyText } from './iam/policy-document.js';
import { DamagedInput } from './missing-input.js';
import type { OutputShapeTable, ShapeRef, TableShape } from './shapes/table.js';

let table: OutputShapeTable | undefined;

function shapeTable(): OutputShapeTable {
  table ??= JSON.parse(readFileSync(packagePath('checks', 'shapes', 'output-shapes.json'), 'utf8')) as OutputShapeTable;
  return table;
}

/** Every `service Operation` whose output the table models. */
export function modelledOperations(): string[] {
  return Object.keys(shapeTable().operations);
}

/** Where a value came from, for naming it in a complaint. */
interface Origin {
  call: string;
  region: string;
  service: string;
}

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;
const INDEX = /^(0|[1-9]\d*)$/;

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a scalar kind accepts, or undefined when the value fits. */
function scalarProblem(kind: ShapeRef, value: unknown): string | undefined {
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? undefined : `${kindOf(value)} where the model has a string`;
    case 'timestamp':
      return typeof value === 'string' && isIsoTimestamp(value) ? undefined : `${kindOf(value)} where the model has an ISO-8601 timestamp`;
    case 'blob':
      return typeof value === 'string' && BASE64.test(value) ? undefined : `${kindOf(value)} where the model has base64 data`;
    case 'integer':
      return Number.isSafeInteger(value) ? undefined : `${kindOf(value)} where the model has an integer`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : `${kindOf(value)} where the model has a number`;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${kindOf(value)} where the model has true or false`;
    default:
      return undefined;
  }
}

/**
 * Views of recorded outputs, one per call read: each object and list a check reaches is a proxy
 * that checks a member as it is read. The same recorded object always gets the same view.
 */
export class OutputViews {
  private readonly views = new WeakMap<object, object>();

  /** The output as a check may read it; throws DamagedInput when its top level already contradicts the model. */
  view(service: string, operation: string, output: unknown, call: string, region: string): unknown {
    const modelled = shapeTable().operations[`${service} ${operation}`];
    if (!modelled) return output;
    const origin: Origin = { call, region, service };
    if (!modelled.output) return output;
    if (!isObject(output)) throw new DamagedInput(call, region, 'output', `${kindOf(output)} where the model has an object`);
    return this.wrap(output, modelled.output, 'output', origin, modelled.results ?? []);
  }

  private shape(origin: Origin, ref: ShapeRef): TableShape | undefined {
    return shapeTable().shapes[origin.service]?.[ref];
  }

  /** The value at `at` held to `ref`: scalars checked and returned, objects and lists wrapped. */
  private member(value: unknown, ref: ShapeRef, at: string, origin: Origin): unknown {
    const damaged = (problem: string) => new DamagedInput(origin.call, origin.region, at, problem);
    if (ref === 'document') return value;
    if (ref === 'policyDocument') {
      const problem = policyProblem(value);
      if (problem) throw new DamagedInput(origin.call, origin.region, `${at}${problem.at}`, problem.problem);
      return value;
    }
    const shape = this.shape(origin, ref);
    if (!shape) {
      const problem = scalarProblem(ref, value);
      if (problem) throw damaged(problem);
      return value;
    }
    switch (shape.type) {
      case 'enum':
        if (typeof value !== 'string') throw damaged(`${kindOf(value)} where the model has one of ${ref}'s values`);
        // Case aside: AWS Config answers "SUCCESS" where its model lists "Success".
        if (!shape.values.some((allowed) => allowed.toLowerCase() === value.toLowerCase())) throw damaged(`${JSON.stringify(value.slice(0, 60))} is none of ${ref}'s values (${shape.values.join(', ')})`);
        return value;
      case 'list':
        if (!Array.isArray(value)) throw damaged(`${kindOf(value)} where the model has a list`);
        return this.wrap(value, ref, at, origin, []);
      default:
        if (!isObject(value)) throw damaged(`${kindOf(value)} where the model has an object`);
        return this.wrap(value, ref, at, origin, []);
    }
  }

  private wrap(target: object, ref: ShapeRef, at: string, origin: Origin, alwaysPresent: readonly string[]): object {
    const known = this.views.get(target);
    if (known) return known;
    const shape = this.shape(origin, ref);
    if (!shape) return target;
    const read = (key: string): { member: ShapeRef; at: string; mustExist: boolean; nullable?: boolean } | undefined => {
      if (shape.type === 'list') return INDEX.test(key) ? { member: shape.member, at: `${at}[${key}]`, mustExist: false } : undefined;
      if (shape.type === 'map') return { member: shape.value, at: `${at}.${key}`, mustExist: false };
      if (shape.type !== 'structure') return undefined;
      if (!Object.hasOwn(shape.members, key)) return undefined;
      const member = shape.members[key]!;
      // A required list, map or structure is always in AWS's answer; a required scalar left out reads as unset.
      const memberType = this.shape(origin, member)?.type;
      const container = memberType === 'list' || memberType === 'map' || memberType === 'structure';
      return {
        member,
        at: `${at}.${key}`,
        mustExist: alwaysPresent.includes(key) || (container && (shape.required?.includes(key) ?? false)),
        nullable: shape.nullable?.includes(key),
      };
    };
    const view = new Proxy(target, {
      get: (object, key, receiver) => {
        const value: unknown = Reflect.get(object, key, receiver);
        // Inherited members (a list's methods, `constructor`) are not data.
        if (typeof key !== 'string' || (shape.type !== 'structure' && !Object.hasOwn(object, key))) return value;
        const how = read(key);
        if (!how) return value;
        if (value === null && how.nullable) return value;
        // The AWS CLI leaves out what has no value rather than print null; an optional member may be absent.
        if (value === null) throw new DamagedInput(origin.call, origin.region, how.at, 'null where the model has a value');
        if (value === undefined) {
          if (how.mustExist) throw new DamagedInput(origin.call, origin.region, how.at, 'missing; AWS always returns it (empty when there is nothing)');
          return undefined;
        }
        return this.member(value, how.member, how.at, origin);
      },
    });
    this.views.set(target, view);
    return view;
  }
}

/** The IAM policy grammar, for documents held as objects or as JSON text (URL-encoded or not). */
function policyProblem(document: unknown): { at: string; problem: string } | undefined {
  let value = document;
  if (typeof value === 'string') {
    try {
      value = decodePolicyText(value);
    } catch {
      return { at: '', problem: 'a policy that is neither JSON nor URL-encoded JSON' };
    }
  }
  if (!isObject(value)) return { at: '', problem: `${kindOf(value)} where a policy document (an object) belongs` };
  if (value.Version !== undefined && value.Version !== '2012-10-17' && value.Version !== '2008-10-17')
    return { at: '.Version', problem: `${kindOf(value.Version)} is not a policy language version (2012-10-17, 2008-10-17)` };
  const statements = value.Statement;
  if (statements === undefined) return { at: '.Statement', problem: 'missing; every policy has one' };
  const list = Array.isArray(statements) ? statements : [statements];
  for (const [i, statement] of list.entries()) {
    const at = Array.isArray(statements) ? `.Statement[${i}]` : '.Statement';
    const problem = statementProblem(statement);
    if (problem) return { at: `${at}${problem.at}`, problem: problem.problem };
  }
  return undefined;
}

const isStringOrList = (value: unknown) => typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));

function statementProblem(statement: unknown): { at: string; problem: string } | undefined {
  if (!isObject(statement)) return { at: '', problem: `${kindOf(statement)} where a statement (an object) belongs` };
  if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') return { at: '.Effect', problem: `${kindOf(statement.Effect)} where "Allow" or "Deny" belongs` };
  if (statement.Action === undefined && statement.NotAction === undefined) return { at: '', problem: 'neither Action nor NotAction; every statement has one' };
  for (const member of ['Sid'] as const) {
    if (statement[member] !== undefined && typeof statement[member] !== 'string') return { at: `.${member}`, problem: `${kindOf(statement[member])} where a string belongs` };
  }
  for (const member of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
    if (statement[member] !== undefined && !isStringOrList(statement[member])) return { at: `.${member}`, problem: `${kindOf(statement[member])} where a string or a list of strings belongs` };
  }
  for (const member of ['Principal', 'NotPrincipal'] as const) {
    const principal = statement[member];
    if (principal === undefined || principal === '*') continue;
    if (!isObject(principal)) return { at: `.${member}`, problem: `${kindOf(principal)} where "*" or an object of principals belongs` };
    for (const [type, ids] of Object.entries(principal)) {
      if (!isStringOrList(ids)) return { at: `.${member}.${type}`, problem: `${kindOf(ids)} where a string or a list of strings belongs` };
    }
  }
  const condition = statement.Condition;
  if (condition !== undefined) {
    if (!isObject(condition)) return { at: '.Condition', problem: `${kindOf(condition)} where an object of condition operators belongs` };
    for (const [operator, keys] of Object.entries(condition)) {
      if (!isObject(keys)) return { at: `.Condition.${operator}`, problem: `${kindOf(keys)} where an object of condition keys belongs` };
      for (const [key, values] of Object.entries(keys)) {
        const fits = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);
        if (!(fits(values) || (Array.isArray(values) && values.every(fits)))) {
          return { at: `.Condition.${operator}.${key}`, problem: `${kindOf(values)} where a value or a list of values belongs` };
        }
      }
    }
  }
  return undefined;
}
