import { fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { InputError } from '../errors.js';
import { SNAPSHOT_FORMAT, paramsKey, type CallError, type Snapshot, type SnapshotCall } from '../snapshot.js';
import { toCliJson } from './cli-json.js';
import { deriveCalls, getPath } from './derive.js';
import { GLOBAL_REGION, IDENTITY_STEP, PLAN, REGIONS_STEP, fillParams, stepById, type DerivedStep, type PlanStep, type Poll, type RootStep } from './plan.js';
import { NotAnAwsAnswer, commandClass, createClientForEndpoint, paginator, type AwsClient } from './services.js';

export const DEFAULT_CONCURRENCY = 16;
// Adaptive retry mode backs off and slows the client down when AWS throttles; this many tries in all.
const MAX_ATTEMPTS = 8;

export interface CollectProgress {
  /** Calls finished (each recorded call counts once, whatever its number of pages or retries). */
  done: number;
  /** Calls known so far: grows as listings name more resources. */
  known: number;
  /** The call that just finished. */
  service: string;
  operation: string;
  region: string;
}

export interface CollectOptions {
  profile?: string;
  roleArn?: string;
  /** Regions to collect; default: every region enabled for the account. */
  regions?: string[];
  /** Calls in flight at most (default 16). */
  concurrency?: number;
  onProgress?: (progress: CollectProgress) => void;
  /** Things the user should know that do not stop the collection (regions skipped, unverified). */
  onWarning?: (message: string) => void;
  signal?: AbortSignal;
  /** Merged into every SDK client's configuration (tests and the bench pass a requestHandler). */
  clientConfig?: object;
  /** Overrides the plan's wait between polls (tests). */
  pollIntervalMs?: number;
}

/** Two FIFO queues, urgent before normal, read from a moving head (shift() on a long array is linear). */
class Queue<T> {
  private readonly lanes: [T[], T[]] = [[], []];
  private readonly heads = [0, 0];

  push(item: T, urgent: boolean): void {
    this.lanes[urgent ? 0 : 1].push(item);
  }

  take(): T | undefined {
    for (const lane of [0, 1] as const) {
      if (this.heads[lane]! < this.lanes[lane].length) return this.lanes[lane][this.heads[lane]!++];
    }
    this.lanes[0].length = this.lanes[1].length = this.heads[0] = this.heads[1] = 0;
    return undefined;
  }
}

/** Holds sends in flight to the limit, handing a freed slot straight to the next waiter. */
class Limiter {
  private active = 0;
  private readonly waiting = new Queue<() => void>();

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>, urgent: boolean): Promise<T> {
    if (this.active < this.limit) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve, urgent));
    try {
      return await task();
    } finally {
      const next = this.waiting.take();
      if (next) next();
      else this.active--;
    }
  }
}

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date };
export type CredentialProvider = (props?: object) => Promise<Credentials>;

/**
 * One credential source for every client: each SDK client would otherwise resolve its own, and
 * with a role that means one AssumeRole per service and region. Refreshed once, shortly before expiry.
 */
export function sharedCredentials(provider: CredentialProvider, now: () => number = Date.now): CredentialProvider {
  let current: Promise<Credentials> | undefined;
  const refresh = (props?: object) =>
    (current = provider(props).catch((err: unknown) => {
      current = undefined;
      throw err;
    }));
  return async (props) => {
    const pending = current ?? refresh(props);
    const credentials = await pending;
    if (credentials.expiration && credentials.expiration.getTime() - now() < 5 * 60_000) return current === pending ? refresh(props) : current!;
    return credentials;
  };
}

function credentialsFor(options: CollectOptions): CredentialProvider {
  const base = fromNodeProviderChain(options.profile ? { profile: options.profile } : {}) as CredentialProvider;
  if (!options.roleArn) return sharedCredentials(base);
  const assumed = fromTemporaryCredentials({
    masterCredentials: base,
    params: { RoleArn: options.roleArn, RoleSessionName: 'assay-collect' },
    clientConfig: { region: GLOBAL_REGION },
  }) as CredentialProvider;
  return sharedCredentials(assumed);
}

/**
 * An abort signal for each request, all aborted with the run's. The SDK listens on a request's
 * signal at each layer it passes (the retry loop, the HTTP handler) until the request ends: on one
 * signal shared by every request in flight those listeners pass Node's limit of ten, and Node
 * warns of a leak (MaxListenersExceededWarning). The run's signal has one listener instead.
 */
class RequestSignals {
  private readonly inFlight = new Set<AbortController>();
  private readonly abortAll = () => {
    for (const request of this.inFlight) request.abort(this.run?.reason);
  };

  constructor(private readonly run: AbortSignal | undefined) {
    run?.addEventListener('abort', this.abortAll, { once: true });
  }

  /** Makes one request with a signal of its own; with none for the run, with none at all. */
  async send<T>(request: (signal: AbortSignal | undefined) => Promise<T>): Promise<T> {
    if (!this.run) return request(undefined);
    this.run.throwIfAborted();
    const controller = new AbortController();
    this.inFlight.add(controller);
    try {
      return await request(controller.signal);
    } finally {
      this.inFlight.delete(controller);
    }
  }

  /** Stops following the run's signal: the run is over. */
  release(): void {
    this.run?.removeEventListener('abort', this.abortAll);
  }
}

/** SDK clients per service and region, all sending through one limiter. */
class Clients {
  private readonly cache = new Map<string, Promise<AwsClient>>();

  constructor(
    private readonly config: object,
    private readonly limiter: Limiter,
    private readonly signals: RequestSignals,
  ) {}

  /** A client for one call; `leads` marks a call whose output names the resources of later calls. */
  async get(service: string, region: string, leads: boolean): Promise<AwsClient> {
    const key = `${service} ${region}`;
    let client = this.cache.get(key);
    if (!client) {
      client = createClientForEndpoint(service, { ...this.config, region });
      this.cache.set(key, client);
    }
    return this.limited(await client, leads);
  }

  /** The client as the SDK paginators see it (same prototype), with every send held to the limit. */
  private limited(client: AwsClient, leads: boolean): AwsClient {
    let pages = 0;
    const send = (command: unknown, options?: object) =>
      this.limiter.run(() => this.signals.send((abortSignal) => client.send(command, { ...options, abortSignal })), leads || pages++ > 0);
    return Object.create(client, { send: { value: send } }) as AwsClient;
  }

  async destroy(): Promise<void> {
    for (const client of await Promise.allSettled(this.cache.values())) if (client.status === 'fulfilled') client.value.destroy();
  }
}

// Members that only carry paging state: the merged output, like the CLI's, leaves them out.
const PAGING_MEMBERS = new Set(['NextToken', 'nextToken', 'Marker', 'NextMarker', 'IsTruncated', 'Truncated', 'ContinuationToken', 'NextContinuationToken']);

/** Pages of one listing as one output: lists concatenated, other members from the first page. */
export function mergePages(pages: Record<string, unknown>[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  for (const page of pages) {
    for (const [key, value] of Object.entries(page)) {
      if (PAGING_MEMBERS.has(key) || key === '$metadata') continue;
      const seen = merged[key];
      if (Array.isArray(value) && Array.isArray(seen)) seen.push(...(value as unknown[]));
      else if (!(key in merged)) merged[key] = Array.isArray(value) ? [...(value as unknown[])] : value;
    }
  }
  return merged;
}

/** Recorded instead of an AWS error code when an answer came that is not in the form the API defines. */
export const UNPARSEABLE_RESPONSE = 'UnparseableResponse';
/** Recorded when no answer came at all (connection refused, name not resolved, timed out). */
export const REQUEST_FAILED = 'RequestFailed';

interface SdkError {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  /** Set on every error AWS answered with (the SDK's ServiceException): 'client' or 'server'. */
  $fault?: string;
  /** Set on every error raised while the SDK read an answer, including one it could not parse. */
  $response?: { statusCode?: number; headers?: Record<string, string> };
}

// The SDK's name for an error answer whose body names no AWS error code (the CLI then gives the HTTP status).
const NO_ERROR_CODE = 'Unknown';

/**
 * The rule for a failed call's `error` (DESIGN.md ⚑ snapshot: `code` is the AWS error code):
 * - AWS answered with an error: its code, as the SDK names the exception (S3 also keeps `Code`).
 * - An answer came that is not in the API's form (an HTML page, a body the SDK cannot parse, an
 *   error status whose body names no error): `UnparseableResponse`, with the HTTP status — never
 *   the JavaScript exception (SyntaxError, TypeError) that the parser threw, nor the SDK's
 *   `Unknown`, which would pose as AWS error codes.
 * - No answer came: `RequestFailed`, with Node's reason.
 * The CloudShell script records the same codes from the AWS CLI.
 */
export function callError(err: unknown): CallError {
  const e = (err ?? {}) as SdkError;
  // The SDK appends a hint about its hidden fields to parse errors; the snapshot has no such field.
  const message = (e.message ?? String(err)).replace(/\n\s*Deserialization error: .*$/s, '');
  if (e.$fault !== undefined && e.name && e.name !== NO_ERROR_CODE) return { code: e.Code ?? e.name, message };
  if (e.$response) {
    const status = e.$response.statusCode;
    const type = Object.entries(e.$response.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
    const what = e.$fault !== undefined ? 'the answer names no AWS error' : err instanceof NotAnAwsAnswer ? message : `the answer could not be read: ${message}`;
    return { code: UNPARSEABLE_RESPONSE, message: `HTTP ${status ?? '?'}${type ? ` (${type})` : ''}: ${what}` };
  }
  const reason = [e.name && e.name !== 'Error' ? e.name : undefined, e.code && !message.includes(e.code) ? e.code : undefined].filter(Boolean).join(' ');
  return { code: REQUEST_FAILED, message: reason ? `${reason}: ${message}` : message };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', abort, { once: true });
  });
}

/** Should a polled call be asked again? */
function pollAgain(poll: Poll, call: SnapshotCall): boolean {
  if (call.error) return poll.whileError?.includes(call.error.code) ?? false;
  return poll.until !== undefined && getPath(call.output, poll.until.path) !== poll.until.equals;
}

interface Identity {
  account: string;
  partition: string;
}

interface Task {
  step: PlanStep;
  region: string;
  params: Record<string, unknown>;
}

/**
 * Runs the plan. Calls wait as plain descriptions and start (building SDK commands) only a few
 * at a time, so thousands of discovered calls cost little memory. Urgent calls go first — the
 * next page of a listing under way, and calls whose output names the resources of later calls —
 * so discovered work is never stuck behind the leaves and the run does not end on a chain of
 * calls made one at a time.
 */
class Collection {
  private readonly recorded: { call: SnapshotCall; order: number }[] = [];
  private readonly scheduled = new Set<string>();
  private readonly openByStep = new Map<string, number>();
  private readonly order = new Map(PLAN.map((step, i) => [step.id, i]));
  private readonly steps = PLAN.filter((s) => s.id !== IDENTITY_STEP && s.id !== REGIONS_STEP);
  /** Steps deriving from a step, and root steps waiting for it. */
  private readonly derivedFrom = new Map<string, DerivedStep[]>();
  private readonly waitingFor = new Map<string, RootStep[]>();
  private readonly waiting = new Queue<Task>();
  /** Calls started and not finished; kept at twice the send limit so every send slot has a call ready. */
  private running = 0;
  private readonly admit: number;
  private scope: string[] = [];
  private identity: Identity = { account: '', partition: 'aws' };
  private known = 0;
  private done = 0;
  private open = 0;
  private settle!: { resolve: () => void; reject: (err: unknown) => void };
  private readonly finished = new Promise<void>((resolve, reject) => (this.settle = { resolve, reject }));

  constructor(
    private readonly clients: Clients,
    private readonly options: CollectOptions,
    concurrency: number,
  ) {
    this.admit = 2 * concurrency;
    for (const step of this.steps) {
      if (step.scope === 'derived') this.derivedFrom.set(step.from, [...(this.derivedFrom.get(step.from) ?? []), step]);
      else if (step.after) this.waitingFor.set(step.after, [...(this.waitingFor.get(step.after) ?? []), step]);
    }
  }

  private leads(step: PlanStep): boolean {
    return this.derivedFrom.has(step.id) || this.waitingFor.has(step.id);
  }

  /** One call, all its pages, repeated while its poll says so; a failure becomes an `error` entry. */
  async call(step: PlanStep, region: string, params: Record<string, unknown>): Promise<SnapshotCall> {
    for (let attempt = 1; ; attempt++) {
      const call = await this.callOnce(step, region, params);
      if (!step.poll || attempt >= step.poll.attempts || !pollAgain(step.poll, call)) return call;
      await sleep(this.options.pollIntervalMs ?? step.poll.intervalSeconds * 1000, this.options.signal);
    }
  }

  private async callOnce(step: PlanStep, region: string, params: Record<string, unknown>): Promise<SnapshotCall> {
    const { service, operation } = step;
    const client = await this.clients.get(service, region, this.leads(step));
    try {
      const paginate = paginator(service, operation);
      let output: unknown;
      if (paginate) {
        const pages: Record<string, unknown>[] = [];
        for await (const page of paginate({ client }, { ...params })) pages.push(page);
        output = mergePages(pages);
      } else {
        const Command = commandClass(service, operation);
        output = await client.send(new Command({ ...params }));
      }
      return { service, operation, region, params, output: toCliJson(service, output ?? {}) };
    } catch (err) {
      if (this.options.signal?.aborted) throw err;
      return { service, operation, region, params, error: callError(err) };
    }
  }

  /** Records a call made before the run (the identity and region calls that decide its scope). */
  record(step: PlanStep, call: SnapshotCall): void {
    this.scheduled.add(callKey(call.service, call.operation, call.region, call.params));
    this.recorded.push({ call, order: this.order.get(step.id) ?? -1 });
    this.known++;
    this.done++;
    this.report(call);
  }

  /** Makes every other call of the plan; settles when the last one, derived or waiting, is recorded. */
  run(scope: string[], identity: Identity): Promise<void> {
    this.scope = scope;
    this.identity = identity;
    this.open++; // held while the root calls are scheduled, so an early answer cannot settle the run
    for (const step of this.steps) {
      if (step.scope !== 'derived' && !step.after) this.scheduleRoot(step);
    }
    this.closeOne();
    return this.finished;
  }

  private scheduleRoot(step: RootStep): void {
    const params = fillParams(step.params, this.identity);
    for (const region of step.scope === 'global' ? [GLOBAL_REGION] : this.scope) this.schedule(step, region, params);
  }

  private schedule(step: PlanStep, region: string, params: Record<string, unknown>): void {
    const key = callKey(step.service, step.operation, region, params);
    if (this.scheduled.has(key)) return;
    this.scheduled.add(key);
    this.known++;
    this.open++;
    this.openByStep.set(step.id, (this.openByStep.get(step.id) ?? 0) + 1);
    this.waiting.push({ step, region, params }, this.leads(step));
    this.startWaiting();
  }

  private startWaiting(): void {
    while (this.running < this.admit) {
      const task = this.waiting.take();
      if (!task) return;
      this.running++;
      this.call(task.step, task.region, task.params)
        .then((call) => {
          this.running--;
          this.finish(task.step, call);
          this.startWaiting();
        })
        .catch((err: unknown) => this.settle.reject(err));
    }
  }

  private finish(step: PlanStep, call: SnapshotCall): void {
    this.recorded.push({ call, order: this.order.get(step.id) ?? -1 });
    this.done++;
    for (const next of this.derivedFrom.get(step.id) ?? []) {
      for (const planned of deriveCalls(next, call)) this.schedule(next, planned.region, planned.params);
    }
    const left = (this.openByStep.get(step.id) ?? 1) - 1;
    this.openByStep.set(step.id, left);
    if (left === 0) for (const next of this.waitingFor.get(step.id) ?? []) this.scheduleRoot(next);
    this.report(call);
    this.closeOne();
  }

  private closeOne(): void {
    this.open--;
    if (this.open === 0) this.settle.resolve();
  }

  private report(call: SnapshotCall): void {
    this.options.onProgress?.({ done: this.done, known: this.known, service: call.service, operation: call.operation, region: call.region });
  }

  /** Calls in plan order, then by region and request, so two runs over the same account compare line by line. */
  calls(): SnapshotCall[] {
    const keyed = this.recorded.map((r) => ({ ...r, params: paramsKey(r.call.params) }));
    keyed.sort((a, b) => a.order - b.order || compare(a.call.region, b.call.region) || compare(a.params, b.params));
    return keyed.map((r) => r.call);
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function callKey(service: string, operation: string, region: string, params: Record<string, unknown>): string {
  return `${service} ${operation} ${region} ${paramsKey(params)}`;
}

function loginHint(options: CollectOptions): string {
  const profile = options.profile ?? process.env.AWS_PROFILE;
  const login = profile ? `aws sso login --profile ${profile}` : 'aws sso login --profile <name> (then pass --profile <name>)';
  return `log in with \`${login}\`, or refresh the access keys of that profile, then run assay collect again`;
}

function credentialsFailure(options: CollectOptions, error: CallError): InputError {
  const who = options.profile ? `the AWS credentials of profile "${options.profile}"` : 'the default AWS credentials';
  const role = options.roleArn ? ` to assume ${options.roleArn}` : '';
  // A request that got no answer says what failed in its message; AWS's answers lead with their code.
  const reason = error.code === REQUEST_FAILED ? (error.message ?? error.code) : `${error.code}: ${error.message ?? ''}`;
  return new InputError(`cannot use ${who}${role}: ${reason}\n  ${loginHint(options)}. Nothing was written.`);
}

interface RegionsOutput {
  Regions?: { RegionName?: string; OptInStatus?: string }[];
}

/** The regions in scope: the enabled ones, or those asked for that are enabled. Others are reported, not fatal. */
function regionsInScope(requested: string[] | undefined, described: SnapshotCall, warn: (message: string) => void): string[] {
  if (described.error) {
    if (requested?.length) {
      warn(`could not check the regions against the account (ec2 DescribeRegions: ${described.error.code}); collecting ${requested.join(', ')} as given`);
      return [...new Set(requested)];
    }
    throw new InputError(
      `cannot list the account's regions: ec2 DescribeRegions failed with ${described.error.code}. Allow ec2:DescribeRegions or name the regions with --regions.`,
    );
  }
  const all = ((described.output as RegionsOutput).Regions ?? []).filter((r) => r.RegionName);
  const enabled = all.filter((r) => r.OptInStatus !== 'not-opted-in').map((r) => r.RegionName as string);
  const notEnabled = all.filter((r) => r.OptInStatus === 'not-opted-in').map((r) => r.RegionName as string);
  if (!requested?.length) {
    if (notEnabled.length) warn(`not opted in, so not collected: ${notEnabled.join(', ')}`);
    return enabled;
  }
  const unknown = requested.filter((r) => !enabled.includes(r) && !notEnabled.includes(r));
  if (unknown.length) throw new InputError(`unknown region${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; this account's enabled regions: ${enabled.join(', ')}`);
  const skipped = requested.filter((r) => notEnabled.includes(r));
  if (skipped.length) warn(`not opted in for this account, so not collected: ${skipped.join(', ')}`);
  const scope = [...new Set(requested.filter((r) => enabled.includes(r)))];
  if (scope.length === 0) throw new InputError(`none of the regions asked for is enabled for this account (${requested.join(', ')}); enabled: ${enabled.join(', ')}`);
  return scope;
}

/**
 * Records every call of the collection plan against a live account, read-only, into a snapshot.
 * A failed call becomes an `error` entry; only unusable credentials (InputError), an unreadable
 * region list without --regions, or the abort signal stop the run.
 */
export async function collectSnapshot(options: CollectOptions = {}): Promise<Snapshot> {
  // The SDK warns about future Node versions on every run; that is for us, not for the auditor.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const collectedAt = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const limiter = new Limiter(concurrency);
  const config = { credentials: credentialsFor(options), retryMode: 'adaptive', maxAttempts: MAX_ATTEMPTS, ...options.clientConfig };
  const signals = new RequestSignals(options.signal);
  const clients = new Clients(config, limiter, signals);
  const collection = new Collection(clients, options, concurrency);
  const warn = options.onWarning ?? (() => {});
  try {
    const identityStep = stepById(IDENTITY_STEP);
    const identityCall = await collection.call(identityStep, GLOBAL_REGION, {});
    if (identityCall.error) throw credentialsFailure(options, identityCall.error);
    collection.record(identityStep, identityCall);
    const caller = identityCall.output as { Account?: string; Arn?: string };
    const account = caller.Account ?? '';
    const partition = caller.Arn?.split(':')[1] || 'aws';

    const regionsStep = stepById(REGIONS_STEP) as RootStep;
    const regionsCall = await collection.call(regionsStep, GLOBAL_REGION, fillParams(regionsStep.params, { account, partition }));
    collection.record(regionsStep, regionsCall);
    const regions = regionsInScope(options.regions, regionsCall, warn);

    await collection.run(regions, { account, partition });
    return { format: SNAPSHOT_FORMAT, account, partition, collectedAt, regions, calls: collection.calls() };
  } catch (err) {
    if (options.signal?.aborted) throw new InputError('collection interrupted; nothing was written');
    throw err;
  } finally {
    signals.release();
    await clients.destroy();
  }
}
