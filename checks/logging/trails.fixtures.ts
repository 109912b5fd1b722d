/** Hand-written CloudTrail calls in the CLI's shape, for tests of checks built on trails.ts (4.x and 5.x). */
import { ok } from '../../test/helpers/snapshot.js';
import type { AdvancedEventSelector, ClassicEventSelector, Trail } from './trails.js';

export function trail(name: string, homeRegion: string, overrides: Partial<Trail> = {}): Trail {
  return {
    Name: name,
    S3BucketName: `${name}-logs`,
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: true,
    HomeRegion: homeRegion,
    TrailARN: `arn:aws:cloudtrail:${homeRegion}:111122223333:trail/${name}`,
    LogFileValidationEnabled: true,
    KmsKeyId: `arn:aws:kms:${homeRegion}:111122223333:key/0f9e8d7c-1111-4a2b-9c3d-aaaaaaaaaaaa`,
    HasCustomEventSelectors: false,
    HasInsightSelectors: false,
    IsOrganizationTrail: false,
    ...overrides,
  };
}

/** DescribeTrails for one region: multi-region trails appear in every region, single-region ones only at home. */
export const describeTrails = (region: string, trails: Trail[]) =>
  ok('cloudtrail', 'DescribeTrails', { trailList: trails.filter((t) => t.IsMultiRegionTrail || t.HomeRegion === region) }, { region });

export const trailStatusCall = (t: Trail, isLogging = true) =>
  ok(
    'cloudtrail',
    'GetTrailStatus',
    { IsLogging: isLogging, LatestDeliveryTime: '2026-11-25T09:55:00Z', StartLoggingTime: '2024-05-02T12:00:00Z', ...(isLogging ? {} : { StopLoggingTime: '2026-10-01T00:00:00Z' }) },
    { region: t.HomeRegion, params: { Name: t.TrailARN } },
  );

export const classicSelectorsCall = (t: Trail, selectors: ClassicEventSelector[]) =>
  ok('cloudtrail', 'GetEventSelectors', { TrailARN: t.TrailARN, EventSelectors: selectors }, { region: t.HomeRegion, params: { TrailName: t.TrailARN } });

export const advancedSelectorsCall = (t: Trail, selectors: AdvancedEventSelector[]) =>
  ok('cloudtrail', 'GetEventSelectors', { TrailARN: t.TrailARN, AdvancedEventSelectors: selectors }, { region: t.HomeRegion, params: { TrailName: t.TrailARN } });

/** The selector a console- or CLI-created trail gets: management events, read and write. */
export const DEFAULT_CLASSIC: ClassicEventSelector = { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] };

export const MANAGEMENT_ADVANCED: AdvancedEventSelector = { Name: 'Management events selector', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] };

export const s3DataAdvanced = (name: string, readOnly?: 'true' | 'false'): AdvancedEventSelector => ({
  Name: name,
  FieldSelectors: [
    { Field: 'eventCategory', Equals: ['Data'] },
    { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
    ...(readOnly ? [{ Field: 'readOnly', Equals: [readOnly] }] : []),
  ],
});

/** A healthy account: one multi-region trail, logging, with the default selector, seen from both test regions. */
export function healthyTrailCalls(regions: string[] = ['us-east-1', 'eu-west-1']) {
  const t = trail('main', 'us-east-1');
  return [...regions.map((r) => describeTrails(r, [t])), trailStatusCall(t), classicSelectorsCall(t, [DEFAULT_CLASSIC])];
}
