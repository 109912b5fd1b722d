import type { CallError, SnapshotCall, SnapshotIndex } from '../src/snapshot.js';
import { MissingInput } from './missing-input.js';
import { OutputViews } from './recorded-output.js';
import type { CheckStatus, Finding } from './types.js';

export { DamagedInput, MissingInput } from './missing-input.js';

export type CallOutcome<T> = { ok: true; output: T } | { ok: false; error: CallError };

export interface CallQuery {
  /** Omit for global services: any region the call was recorded in. */
  region?: string;
  params?: Record<string, unknown>;
  /** For a call about one resource: the request member naming it and every identifier AWS accepts there. */
  about?: ResourceIdentifiers;
}

/**
 * Principle: any identifier AWS accepts finds the call. A snapshot may record a call about one
 * resource under any identifier the API accepts for it (a trail's name or ARN, a KMS key's id, ARN
 * or alias), as the benchmark's CLI steps do. Checks reading per-resource calls give them all;
 * a successful recording under any of them is taken before a failed one, and when none was
 * recorded the first identifier is the one the missing input names.
 */
export interface ResourceIdentifiers {
  member: string;
  ids: readonly string[];
}

/**
 * What a check may read: the snapshot, the regions in scope and the snapshot's clock. Outputs are
 * handed over as views that hold each member read to AWS's model (recorded-output.ts).
 */
export class CheckContext {
  private readonly memos = new Map<string, { value: unknown } | { error: unknown }>();
  private readonly views = new OutputViews();
  /** The call read most recently, to name when a check stops on something it could not handle. */
  lastRead?: string;

  /** Time rules are judged at collection time so a snapshot's verdicts never change. */
  readonly now: Date;

  constructor(readonly snapshot: SnapshotIndex) {
    this.now = snapshot.collectedAt;
  }

  get account(): string {
    return this.snapshot.snapshot.account;
  }
  get partition(): string {
    return this.snapshot.snapshot.partition;
  }
  get regions(): string[] {
    return this.snapshot.snapshot.regions;
  }

  /** The call's output, or its error for the check to interpret (e.g. NoSuchEntity); throws when not recorded. */
  outcome<T>(service: string, operation: string, query: CallQuery = {}): CallOutcome<T> {
    const call = this.find(service, operation, query);
    if (!call) throw new MissingInput(describeCall(service, operation, shownParams(query)), query.region ?? 'global');
    if (call.error) return { ok: false, error: call.error };
    return { ok: true, output: this.viewOf<T>(call) };
  }

  /** The call's output; throws MissingInput when not recorded or when the call failed. */
  output<T>(service: string, operation: string, query: CallQuery = {}): T {
    const result = this.outcome<T>(service, operation, query);
    if (!result.ok) throw new MissingInput(describeCall(service, operation, shownParams(query)), query.region ?? 'global', result.error);
    return result.output;
  }

  /** The output when recorded and successful, otherwise undefined: for supporting evidence only. */
  optional<T>(service: string, operation: string, query: CallQuery = {}): T | undefined {
    const call = this.find(service, operation, query);
    return call && !call.error ? this.viewOf<T>(call) : undefined;
  }

  /** A successful call's output as checks see it; damage a check reads throws DamagedInput. */
  private viewOf<T>(call: SnapshotCall): T {
    const named = describeCall(call.service, call.operation, call.params);
    this.lastRead = `${named} in ${call.region}`;
    return this.views.view(call.service, call.operation, call.output, named, call.region) as T;
  }

  /** The recorded call, trying every identifier of `query.about`; a success wins over a failure. */
  private find(service: string, operation: string, query: CallQuery): SnapshotCall | undefined {
    if (!query.about) return this.snapshot.find(service, operation, query.region, query.params);
    const { member, ids } = query.about;
    const recorded = ids.flatMap((id) => this.snapshot.find(service, operation, query.region, { ...query.params, [member]: id }) ?? []);
    return recorded.find((call) => !call.error) ?? recorded[0];
  }

  /**
   * Computes a value derived from the snapshot once for all checks (a parsed report, an
   * inventory): later calls with the same key get the same value, or the same error again.
   */
  memo<T>(key: string, compute: () => T): T {
    let entry = this.memos.get(key);
    if (!entry) {
      try {
        entry = { value: compute() };
      } catch (err) {
        entry = { error: err };
      }
      this.memos.set(key, entry);
    }
    if ('error' in entry) throw entry.error;
    return entry.value as T;
  }

  /**
   * Runs `judge` for every region in scope. A region whose input is missing yields an `error`
   * finding instead of aborting the others, so a proven failure elsewhere still shows.
   */
  perRegion(judge: (region: string) => Finding[]): Finding[] {
    return judgeEach(this.regions, judge);
  }

  /** Builds an ARN in this snapshot's partition and account. */
  arn(service: string, region: string, resource: string): string {
    return `arn:${this.partition}:${service}:${region}:${this.account}:${resource}`;
  }
}

/** The params a missing call is named by: the fixed ones and the first identifier of the resource. */
function shownParams(query: CallQuery): Record<string, unknown> | undefined {
  const first = query.about?.ids[0];
  return query.about && first !== undefined ? { ...query.params, [query.about.member]: first } : query.params;
}

export function describeCall(service: string, operation: string, params?: Record<string, unknown>): string {
  const shown = params && Object.keys(params).length > 0 ? ` ${JSON.stringify(params)}` : '';
  return `${service} ${operation}${shown}`;
}

export function missingFinding(err: MissingInput): Finding {
  return err.toFinding();
}

/**
 * Judges each item on its own: when one item's input is missing or denied it becomes an
 * `error` finding naming the call (about the item's resource, when `resourceOf` names it), and
 * the remaining items are still judged.
 */
export function judgeEach<T>(items: readonly T[], judge: (item: T) => Finding[], resourceOf?: (item: T) => string): Finding[] {
  return items.flatMap((item) => {
    try {
      return judge(item);
    } catch (err) {
      if (!(err instanceof MissingInput)) throw err;
      const finding = missingFinding(err);
      return [resourceOf ? { ...finding, resource: resourceOf(item) } : finding];
    }
  });
}

/**
 * A result's status from its findings: a proven failure outranks missing data (the data that
 * is there already proves it), missing data outranks a pass, and evidence for a person stays manual.
 */
export function overallStatus(findings: Finding[], assessment: 'automated' | 'manual'): CheckStatus {
  const has = (s: CheckStatus) => findings.some((f) => f.status === s);
  if (has('fail')) return 'fail';
  if (has('error')) return 'error';
  if (assessment === 'manual') return 'manual';
  if (findings.length === 0) return 'error';
  return has('manual') ? 'manual' : 'pass';
}
