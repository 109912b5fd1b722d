import { describe, expect, it } from 'vitest';
import { SnapshotIndex } from '../../src/snapshot.js';
import { denied, makeSnapshot } from '../../test/helpers/snapshot.js';
import { CheckContext } from '../context.js';
import {
  listTrails,
  managementEventCoverage,
  multiRegionTrailsWithManagementEvents,
  s3DataEventCoverage,
  trailLogGroupName,
  type EventSelectors,
} from './trails.js';
import { DEFAULT_CLASSIC, MANAGEMENT_ADVANCED, classicSelectorsCall, describeTrails, s3DataAdvanced, trail, trailStatusCall } from './trails.fixtures.js';

const contextOf = (calls: Parameters<typeof makeSnapshot>[0]) => new CheckContext(new SnapshotIndex(makeSnapshot(calls)));

describe('listTrails', () => {
  it('merges the shadow copies of multi-region trails and keeps single-region ones', () => {
    const main = trail('main', 'us-east-1');
    const local = trail('local', 'eu-west-1', { IsMultiRegionTrail: false });
    const { trails, missing } = listTrails(contextOf([describeTrails('us-east-1', [main, local]), describeTrails('eu-west-1', [main, local])]));
    expect(trails.map((t) => t.Name)).toEqual(['main', 'local']);
    expect(missing).toEqual([]);
  });

  it('reports a region whose DescribeTrails is denied as an error finding', () => {
    const { missing } = listTrails(contextOf([describeTrails('us-east-1', []), denied('cloudtrail', 'DescribeTrails', { region: 'eu-west-1' })]));
    expect(missing).toEqual([expect.objectContaining({ region: 'eu-west-1', status: 'error', detail: expect.stringContaining('cloudtrail DescribeTrails failed in eu-west-1') })]);
  });
});

describe('managementEventCoverage', () => {
  it('reads classic selectors, with defaults and exclusions', () => {
    expect(managementEventCoverage({ EventSelectors: [DEFAULT_CLASSIC] })).toMatchObject({ read: true, write: true });
    expect(managementEventCoverage({ EventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }] })).toMatchObject({ read: false, write: true });
    expect(managementEventCoverage({ EventSelectors: [{ ReadWriteType: 'ReadOnly' }] })).toMatchObject({ read: true, write: false });
    expect(managementEventCoverage({ EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: false }] })).toMatchObject({ read: false, write: false });
    expect(managementEventCoverage({ EventSelectors: [{ ...DEFAULT_CLASSIC, ExcludeManagementEventSources: ['kms.amazonaws.com'] }] }).excludedSources).toEqual(['kms.amazonaws.com']);
  });

  it('adds up read-only and write-only selectors', () => {
    const coverage = managementEventCoverage({ EventSelectors: [{ ReadWriteType: 'ReadOnly' }, { ReadWriteType: 'WriteOnly' }] });
    expect(coverage).toMatchObject({ read: true, write: true });
  });

  it('reads advanced selectors: readOnly limits, eventSource exclusions, and other filters that narrow', () => {
    expect(managementEventCoverage({ AdvancedEventSelectors: [MANAGEMENT_ADVANCED] })).toMatchObject({ read: true, write: true });
    const writeOnly: EventSelectors = { AdvancedEventSelectors: [{ Name: 'w', FieldSelectors: [...(MANAGEMENT_ADVANCED.FieldSelectors ?? []), { Field: 'readOnly', Equals: ['false'] }] }] };
    expect(managementEventCoverage(writeOnly)).toMatchObject({ read: false, write: true });
    const noKms: EventSelectors = { AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] }] }] };
    expect(managementEventCoverage(noKms)).toMatchObject({ read: true, write: true, excludedSources: ['kms.amazonaws.com'] });
    const oneUser: EventSelectors = {
      AdvancedEventSelectors: [{ Name: 'ops', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }, { Field: 'userIdentity.arn', StartsWith: ['arn:aws:iam::111122223333:role/ops'] }] }],
    };
    const narrowed = managementEventCoverage(oneUser);
    expect(narrowed).toMatchObject({ read: false, write: false });
    expect(narrowed.narrowed[0]).toContain('advanced selector "ops" only records events where userIdentity.arn StartsWith');
  });

  it('ignores data selectors', () => {
    expect(managementEventCoverage({ AdvancedEventSelectors: [s3DataAdvanced('s3')] })).toMatchObject({ read: false, write: false });
  });
});

describe('s3DataEventCoverage', () => {
  it('reads classic data resources for all buckets, one bucket, or a prefix', () => {
    const selectors: EventSelectors = {
      EventSelectors: [
        { ReadWriteType: 'WriteOnly', IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] },
        { ReadWriteType: 'All', IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::lake/', 'arn:aws:s3:::tmp/exports/'] }] },
      ],
    };
    const write = s3DataEventCoverage(selectors, 'write');
    expect(write.rules.some((r) => r.allBuckets)).toBe(true);
    const read = s3DataEventCoverage(selectors, 'read');
    expect(read.rules.some((r) => r.allBuckets)).toBe(false);
    expect(read.rules.some((r) => r.covers('lake'))).toBe(true);
    expect(read.rules.some((r) => r.covers('tmp'))).toBe(false);
    expect(read.partial).toEqual(['classic selector 2 (All) covers only objects under arn:aws:s3:::tmp/exports/']);
  });

  it('reads advanced selectors: readOnly, bucket prefixes, exclusions and event-name filters', () => {
    expect(s3DataEventCoverage({ AdvancedEventSelectors: [s3DataAdvanced('writes', 'false')] }, 'write').rules[0]?.allBuckets).toBe(true);
    expect(s3DataEventCoverage({ AdvancedEventSelectors: [s3DataAdvanced('writes', 'false')] }, 'read').rules).toEqual([]);
    expect(s3DataEventCoverage({ AdvancedEventSelectors: [s3DataAdvanced('all')] }, 'read').rules[0]?.allBuckets).toBe(true);

    const base = s3DataAdvanced('x').FieldSelectors ?? [];
    const named = s3DataEventCoverage({ AdvancedEventSelectors: [{ Name: 'x', FieldSelectors: [...base, { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::lake/'] }] }] }, 'read');
    expect(named.rules.map((r) => [r.allBuckets, r.covers('lake'), r.covers('tmp')])).toEqual([[false, true, false]]);

    const except = s3DataEventCoverage({ AdvancedEventSelectors: [{ Name: 'x', FieldSelectors: [...base, { Field: 'resources.ARN', NotStartsWith: ['arn:aws:s3:::trail-logs/'] }] }] }, 'read');
    expect(except.rules.map((r) => [r.allBuckets, r.covers('lake'), r.covers('trail-logs')])).toEqual([[false, true, false]]);

    const gets = s3DataEventCoverage({ AdvancedEventSelectors: [{ Name: 'x', FieldSelectors: [...base, { Field: 'eventName', Equals: ['GetObject'] }] }] }, 'read');
    expect(gets.rules).toEqual([]);
    expect(gets.partial[0]).toContain('eventName Equals ["GetObject"]');
  });
});

describe('multiRegionTrailsWithManagementEvents', () => {
  it('qualifies a logging multi-region trail with read and write management events, and says why others do not', () => {
    const main = trail('main', 'us-east-1');
    const stopped = trail('stopped', 'us-east-1');
    const local = trail('local', 'eu-west-1', { IsMultiRegionTrail: false });
    const survey = multiRegionTrailsWithManagementEvents(
      contextOf([
        describeTrails('us-east-1', [main, stopped, local]),
        describeTrails('eu-west-1', [main, stopped, local]),
        trailStatusCall(main),
        classicSelectorsCall(main, [DEFAULT_CLASSIC]),
        trailStatusCall(stopped, false),
        classicSelectorsCall(stopped, [{ ReadWriteType: 'WriteOnly' }]),
      ]),
    );
    expect(survey.qualifying.map((r) => r.trail.Name)).toEqual(['main']);
    expect(survey.shortfalls).toEqual([
      { trail: local, reasons: ['records only its home region'] },
      { trail: stopped, reasons: ['is not logging', 'records write management events only'] },
    ]);
    expect(survey.missing).toEqual([]);
  });

  it('collects a missing trail status as an error finding instead of throwing', () => {
    const main = trail('main', 'us-east-1');
    const survey = multiRegionTrailsWithManagementEvents(contextOf([describeTrails('us-east-1', [main]), describeTrails('eu-west-1', [main]), classicSelectorsCall(main, [DEFAULT_CLASSIC])]));
    expect(survey.qualifying).toEqual([]);
    expect(survey.missing[0]?.detail).toContain('cloudtrail GetTrailStatus');
  });
});

describe('trailLogGroupName', () => {
  it('takes the group name out of the log group ARN', () => {
    expect(trailLogGroupName(trail('t', 'us-east-1', { CloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:111122223333:log-group:cloudtrail/org-audit:*' }))).toBe('cloudtrail/org-audit');
    expect(trailLogGroupName(trail('t', 'us-east-1'))).toBeUndefined();
  });
});
