/**
 * CloudTrail facts shared by the logging (4.x) and monitoring (5.x) checks: the account's trails,
 * their status and event selectors, and what those selectors record.
 *
 * Snapshot calls (DESIGN.md ⚑): `cloudtrail DescribeTrails {}` in every region (multi-region
 * trails appear in each region and are merged by ARN); `GetTrailStatus {Name}` and
 * `GetEventSelectors {TrailName}` in the trail's home region, under the trail's ARN or its name
 * (the benchmark's CLI steps use the name), or under its ARN in any region in scope.
 */
import { MissingInput, describeCall, missingFinding, type CheckContext } from '../context.js';
import { HeldByOtherAccount, otherAccount } from '../ownership.js';
import { judgeAll, type Requirement } from '../requirements.js';
import type { ApiRead, Finding } from '../types.js';

export interface Trail {
  Name: string;
  TrailARN: string;
  HomeRegion: string;
  IsMultiRegionTrail?: boolean;
  IncludeGlobalServiceEvents?: boolean;
  IsOrganizationTrail?: boolean;
  S3BucketName?: string;
  S3KeyPrefix?: string;
  LogFileValidationEnabled?: boolean;
  KmsKeyId?: string;
  CloudWatchLogsLogGroupArn?: string;
  CloudWatchLogsRoleArn?: string;
  HasCustomEventSelectors?: boolean;
  HasInsightSelectors?: boolean;
}

export interface TrailStatus {
  IsLogging?: boolean;
  StartLoggingTime?: string;
  StopLoggingTime?: string;
  LatestDeliveryTime?: string;
  LatestDeliveryError?: string;
  LatestCloudWatchLogsDeliveryTime?: string;
  LatestCloudWatchLogsDeliveryError?: string;
}

export interface ClassicEventSelector {
  ReadWriteType?: 'ReadOnly' | 'WriteOnly' | 'All';
  IncludeManagementEvents?: boolean;
  DataResources?: { Type?: string; Values?: string[] }[];
  ExcludeManagementEventSources?: string[];
}

export interface FieldSelector {
  Field: string;
  Equals?: string[];
  StartsWith?: string[];
  EndsWith?: string[];
  NotEquals?: string[];
  NotStartsWith?: string[];
  NotEndsWith?: string[];
}

export interface AdvancedEventSelector {
  Name?: string;
  FieldSelectors?: FieldSelector[];
}

/** The output of `aws cloudtrail get-event-selectors`: one of the two selector kinds is present. */
export interface EventSelectors {
  TrailARN?: string;
  EventSelectors?: ClassicEventSelector[];
  AdvancedEventSelectors?: AdvancedEventSelector[];
}

interface DescribeTrailsOutput {
  trailList?: Trail[];
}

/** The calls behind `listTrails`, `trailStatus` and `trailEventSelectors`, for a check's `reads`. */
export const TRAIL_READS: ApiRead[] = [
  { service: 'cloudtrail', operation: 'DescribeTrails', scope: 'regional' },
  { service: 'cloudtrail', operation: 'GetTrailStatus', scope: 'regional', per: 'Name' },
  { service: 'cloudtrail', operation: 'GetEventSelectors', scope: 'regional', per: 'TrailName' },
];

export interface TrailInventory {
  /** Every trail seen in any region in scope, once each. */
  trails: Trail[];
  /** One `error` finding per region whose DescribeTrails is missing or denied: trails homed there are unknown. */
  missing: Finding[];
  /** The regions whose DescribeTrails was read. */
  readRegions: string[];
}

/** All trails of the account, merged across regions by ARN. */
export function listTrails(ctx: CheckContext): TrailInventory {
  const byArn = new Map<string, Trail>();
  const missing: Finding[] = [];
  const readRegions: string[] = [];
  for (const region of ctx.regions) {
    try {
      for (const trail of ctx.output<DescribeTrailsOutput>('cloudtrail', 'DescribeTrails', { region }).trailList ?? []) {
        if (!byArn.has(trail.TrailARN)) byArn.set(trail.TrailARN, trail);
      }
      readRegions.push(region);
    } catch (err) {
      if (!(err instanceof MissingInput)) throw err;
      missing.push(missingFinding(err));
    }
  }
  return { trails: [...byArn.values()], missing, readRegions };
}

/**
 * The regions whose missing DescribeTrails could hide a multi-region trail: none once any region
 * was read, since DescribeTrails in every region lists the multi-region trails.
 */
export function multiRegionTrailsMissing(inventory: TrailInventory): Finding[] {
  return inventory.readRegions.length > 0 ? [] : inventory.missing;
}

/**
 * What an inventory without a single trail proves: that no trail exists only where every region
 * was read; otherwise only that no multi-region trail exists, which any read region would list.
 */
export function noTrailDetail(ctx: CheckContext, inventory: TrailInventory): string {
  const unread = ctx.regions.filter((region) => !inventory.readRegions.includes(region));
  if (unread.length === 0) return 'no CloudTrail trail exists in any region in scope';
  return `no multi-region CloudTrail trail exists (DescribeTrails in any region lists them; single-region trails in ${unread.join(', ')} are unknown, as DescribeTrails could not be read there)`;
}

/**
 * A per-trail CloudTrail call: in the home region under the trail's ARN or name, else under its
 * ARN in another region (a shadow trail answers there). When it is absent or failed, a trail of
 * another account (an organization trail seen from a member) raises HeldByOtherAccount, any
 * other raises MissingInput naming the home-region call.
 */
function trailCall<T>(ctx: CheckContext, operation: string, member: string, trail: Trail): T {
  const owner = otherAccount(ctx, trail.TrailARN);
  // A name resolves among the caller's own trails, so another account's trail answers only to its ARN.
  const home = { region: trail.HomeRegion, about: { member, ids: owner ? [trail.TrailARN] : [trail.TrailARN, trail.Name] } };
  const found =
    ctx.optional<T>('cloudtrail', operation, home) ??
    ctx.regions
      .filter((region) => region !== trail.HomeRegion)
      .map((region) => ctx.optional<T>('cloudtrail', operation, { region, about: { member, ids: [trail.TrailARN] } }))
      .find((output) => output !== undefined);
  if (found !== undefined) return found;
  if (owner) {
    const command = operation === 'GetTrailStatus' ? `aws cloudtrail get-trail-status --name ${trail.TrailARN}` : `aws cloudtrail get-event-selectors --trail-name ${trail.TrailARN}`;
    throw new HeldByOtherAccount(
      describeCall('cloudtrail', operation, { [member]: trail.TrailARN }),
      trail.TrailARN,
      trail.HomeRegion,
      `${trail.Name} is ${trail.IsOrganizationTrail ? 'an organization trail ' : 'a trail '}of account ${owner}, and this snapshot cannot show its ${operation === 'GetTrailStatus' ? 'status' : 'event selectors'}; obtain them from that account (${command} --region ${trail.HomeRegion})`,
    );
  }
  return ctx.output<T>('cloudtrail', operation, home);
}

/** GetTrailStatus for a trail; throws MissingInput (HeldByOtherAccount for another account's trail) when missing or denied. */
export function trailStatus(ctx: CheckContext, trail: Trail): TrailStatus {
  return trailCall<TrailStatus>(ctx, 'GetTrailStatus', 'Name', trail);
}

/** GetEventSelectors for a trail; throws MissingInput (HeldByOtherAccount for another account's trail) when missing or denied. */
export function trailEventSelectors(ctx: CheckContext, trail: Trail): EventSelectors {
  return trailCall<EventSelectors>(ctx, 'GetEventSelectors', 'TrailName', trail);
}

/** Requirement: the trail is logging (GetTrailStatus). */
export function isLogging(ctx: CheckContext, trail: Trail): Requirement {
  return () => (trailStatus(ctx, trail).IsLogging === true ? undefined : 'is not logging');
}

/** The finding for a trail whose status or selectors cannot be read, on the trail itself. */
export function unreadableTrailFinding(trail: Trail, err: MissingInput): Finding {
  return { ...missingFinding(err), resource: trail.TrailARN, region: trail.HomeRegion };
}

/** The log group name inside a trail's CloudWatchLogsLogGroupArn (`arn:…:log-group:<name>:*`). */
export function trailLogGroupName(trail: Trail): string | undefined {
  const arn = trail.CloudWatchLogsLogGroupArn;
  if (!arn) return undefined;
  const afterMarker = arn.split(':log-group:')[1];
  return afterMarker?.split(':')[0] || undefined;
}

// ── What the selectors record ────────────────────────────────────────────────────────────────

const lower = (values: string[] | undefined) => values?.map((v) => v.toLowerCase());

/** Which of read and write events a `readOnly` field selector lets through (none given: both). */
function readWriteAllowed(field: FieldSelector | undefined): { read: boolean; write: boolean } {
  if (!field) return { read: true, write: true };
  let read = true;
  let write = true;
  const equals = lower(field.Equals);
  const notEquals = lower(field.NotEquals);
  if (equals) {
    read = equals.includes('true');
    write = equals.includes('false');
  }
  if (notEquals?.includes('true')) read = false;
  if (notEquals?.includes('false')) write = false;
  return { read, write };
}

const OPERATORS = ['Equals', 'StartsWith', 'EndsWith', 'NotEquals', 'NotStartsWith', 'NotEndsWith'] as const;

function describeField(field: FieldSelector): string {
  return OPERATORS.filter((op) => field[op] !== undefined)
    .map((op) => `${field.Field} ${op} ${JSON.stringify(field[op])}`)
    .join(' and ');
}

function selectorLabel(kind: 'classic' | 'advanced', index: number, name?: string): string {
  return name ? `${kind} selector "${name}"` : `${kind} selector ${index + 1}`;
}

export interface ManagementCoverage {
  /** Read (Describe/Get/List) management events are recorded. */
  read: boolean;
  /** Write management events are recorded. */
  write: boolean;
  /** The selectors that record management events. */
  via: string[];
  /** Event sources left out (for example kms.amazonaws.com); noted, not disqualifying. */
  excludedSources: string[];
  /** Selectors narrowed by other fields, which therefore do not count. */
  narrowed: string[];
}

/** What management events a trail records, from classic or advanced event selectors. */
export function managementEventCoverage(selectors: EventSelectors): ManagementCoverage {
  const coverage: ManagementCoverage = { read: false, write: false, via: [], excludedSources: [], narrowed: [] };
  (selectors.EventSelectors ?? []).forEach((s, i) => {
    if (s.IncludeManagementEvents === false) return;
    const type = s.ReadWriteType ?? 'All';
    coverage.read ||= type !== 'WriteOnly';
    coverage.write ||= type !== 'ReadOnly';
    coverage.via.push(`${selectorLabel('classic', i)} (${type})`);
    coverage.excludedSources.push(...(s.ExcludeManagementEventSources ?? []));
  });
  (selectors.AdvancedEventSelectors ?? []).forEach((s, i) => {
    const fields = s.FieldSelectors ?? [];
    const category = fields.find((f) => f.Field === 'eventCategory');
    if (!lower(category?.Equals)?.includes('management')) return;
    const label = selectorLabel('advanced', i, s.Name);
    const exclusions: string[] = [];
    const others: FieldSelector[] = [];
    for (const f of fields) {
      if (f.Field === 'eventCategory' || f.Field === 'readOnly') continue;
      const onlyExcludes = OPERATORS.every((op) => f[op] === undefined || op.startsWith('Not'));
      if (f.Field === 'eventSource' && onlyExcludes) exclusions.push(...[f.NotEquals, f.NotStartsWith, f.NotEndsWith].flatMap((v) => v ?? []));
      else others.push(f);
    }
    if (others.length > 0) {
      coverage.narrowed.push(`${label} only records events where ${others.map(describeField).join(' and ')}`);
      return;
    }
    const allowed = readWriteAllowed(fields.find((f) => f.Field === 'readOnly'));
    if (!allowed.read && !allowed.write) return;
    coverage.read ||= allowed.read;
    coverage.write ||= allowed.write;
    coverage.via.push(`${label} (${allowed.read && allowed.write ? 'read and write' : allowed.read ? 'read only' : 'write only'})`);
    coverage.excludedSources.push(...exclusions);
  });
  return coverage;
}

export function describeManagementCoverage(m: ManagementCoverage): string {
  if (m.read && m.write) return 'read and write management events';
  if (m.read) return 'read management events only';
  if (m.write) return 'write management events only';
  return 'no management events';
}

export type DataAccess = 'read' | 'write';

/** One selector's reach over S3 object-level events of one kind (read or write). */
export interface S3DataRule {
  description: string;
  /** Every current and future bucket. */
  allBuckets: boolean;
  covers(bucket: string): boolean;
}

export interface S3DataCoverage {
  rules: S3DataRule[];
  /** Selectors that touch S3 objects but only part of a bucket or some events: described, not counted. */
  partial: string[];
}

const ALL_S3 = /^arn:[^:]+:s3(:::)?$/;
const WHOLE_BUCKET = /^arn:[^:]+:s3:::([^/]+)\/?$/;

/** The S3 object-level data events of one kind that a trail's selectors record. */
export function s3DataEventCoverage(selectors: EventSelectors, access: DataAccess): S3DataCoverage {
  const coverage: S3DataCoverage = { rules: [], partial: [] };
  (selectors.EventSelectors ?? []).forEach((s, i) => {
    const type = s.ReadWriteType ?? 'All';
    if ((access === 'read' && type === 'WriteOnly') || (access === 'write' && type === 'ReadOnly')) return;
    const label = `${selectorLabel('classic', i)} (${type})`;
    for (const resource of s.DataResources ?? []) {
      if (resource.Type !== 'AWS::S3::Object') continue;
      for (const value of resource.Values ?? []) {
        const bucket = WHOLE_BUCKET.exec(value)?.[1];
        if (ALL_S3.test(value)) coverage.rules.push({ description: `${label}: all buckets`, allBuckets: true, covers: () => true });
        else if (bucket) coverage.rules.push({ description: `${label}: bucket ${bucket}`, allBuckets: false, covers: (b) => b === bucket });
        else coverage.partial.push(`${label} covers only objects under ${value}`);
      }
    }
  });
  (selectors.AdvancedEventSelectors ?? []).forEach((s, i) => {
    const fields = s.FieldSelectors ?? [];
    const field = (name: string) => fields.find((f) => f.Field === name);
    if (!lower(field('eventCategory')?.Equals)?.includes('data')) return;
    if (!field('resources.type')?.Equals?.includes('AWS::S3::Object')) return;
    const allowed = readWriteAllowed(field('readOnly'));
    if (!(access === 'read' ? allowed.read : allowed.write)) return;
    const label = selectorLabel('advanced', i, s.Name);
    const others = fields.filter((f) => !['eventCategory', 'resources.type', 'readOnly', 'resources.ARN'].includes(f.Field));
    if (others.length > 0) {
      coverage.partial.push(`${label} only records events where ${others.map(describeField).join(' and ')}`);
      return;
    }
    const arnField = field('resources.ARN');
    if (!arnField) {
      coverage.rules.push({ description: `${label}: all buckets`, allBuckets: true, covers: () => true });
      return;
    }
    const used = OPERATORS.filter((op) => arnField[op] !== undefined);
    const wholeBuckets = (values: string[]) => values.map((v) => (ALL_S3.test(v) ? '*' : WHOLE_BUCKET.exec(v)?.[1]));
    if (used.length === 1 && used[0] === 'StartsWith') {
      const buckets = wholeBuckets(arnField.StartsWith ?? []);
      if (buckets.includes('*')) coverage.rules.push({ description: `${label}: all buckets`, allBuckets: true, covers: () => true });
      const named = buckets.filter((b): b is string => b !== undefined && b !== '*');
      if (named.length > 0) coverage.rules.push({ description: `${label}: buckets ${named.join(', ')}`, allBuckets: false, covers: (b) => named.includes(b) });
      if (buckets.includes(undefined)) coverage.partial.push(`${label} also covers parts of buckets (${describeField(arnField)})`);
      return;
    }
    if (used.length === 1 && used[0] === 'NotStartsWith') {
      const excluded = wholeBuckets(arnField.NotStartsWith ?? []);
      if (excluded.every((b): b is string => b !== undefined && b !== '*')) {
        coverage.rules.push({ description: `${label}: all buckets except ${excluded.join(', ')}`, allBuckets: false, covers: (b) => !excluded.includes(b) });
        return;
      }
    }
    coverage.partial.push(`${label} only records events where ${describeField(arnField)}`);
  });
  return coverage;
}

// ── Multi-region trails ──────────────────────────────────────────────────────────────────────

export interface TrailReview {
  trail: Trail;
  status: TrailStatus;
  selectors: EventSelectors;
  management: ManagementCoverage;
}

export interface ManagementTrailSurvey {
  /** Multi-region trails that are logging and record read and write management events. */
  qualifying: TrailReview[];
  /** The other trails, each with the reasons it does not qualify. */
  shortfalls: { trail: Trail; reasons: string[] }[];
  /** Missing or denied input that could hide a qualifying trail; matters only when nothing qualifies. */
  missing: Finding[];
  /** `manual` findings: trails of another account whose status or selectors this snapshot cannot show. */
  elsewhere: Finding[];
  /** The trails seen, and the regions whose DescribeTrails was read. */
  inventory: TrailInventory;
}

/**
 * The trails the benchmark builds on (4.1 and the 5.x metric filters): multi-region, logging
 * (GetTrailStatus IsLogging), and recording management events both read and write
 * (GetEventSelectors, classic or advanced selectors). Each requirement is judged from its own
 * call, so a trail proven short on one fails whatever the other call holds.
 */
export function multiRegionTrailsWithManagementEvents(ctx: CheckContext): ManagementTrailSurvey {
  const inventory = listTrails(ctx);
  const singleRegion = inventory.trails.filter((t) => t.IsMultiRegionTrail !== true);
  const survey: ManagementTrailSurvey = {
    qualifying: [],
    shortfalls: singleRegion.map((trail) => ({ trail, reasons: ['records only its home region'] })),
    missing: [...multiRegionTrailsMissing(inventory)],
    elsewhere: [],
    inventory,
  };
  for (const trail of inventory.trails.filter((t) => t.IsMultiRegionTrail === true)) {
    const recordsAllManagement: Requirement = () => {
      const management = managementEventCoverage(trailEventSelectors(ctx, trail));
      return management.read && management.write ? undefined : [`records ${describeManagementCoverage(management)}`, ...management.narrowed].join(', ');
    };
    const judgement = judgeAll([isLogging(ctx, trail), recordsAllManagement]);
    if (judgement.kind === 'unmet') survey.shortfalls.push({ trail, reasons: judgement.reasons });
    else if (judgement.kind === 'unknown') survey.missing.push(...judgement.missing.map((err) => unreadableTrailFinding(trail, err)));
    else if (judgement.kind === 'elsewhere') survey.elsewhere.push(...judgement.held.map((held) => held.toFinding()));
    else {
      const selectors = trailEventSelectors(ctx, trail);
      survey.qualifying.push({ trail, status: trailStatus(ctx, trail), selectors, management: managementEventCoverage(selectors) });
    }
  }
  return survey;
}
