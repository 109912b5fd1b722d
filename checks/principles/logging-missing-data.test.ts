import { describe, expect, it } from 'vitest';
import { chainSnapshot } from '../../test/helpers/monitoring-chain.js';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { cloudtrailAllRegions } from '../logging/4.1-cloudtrail-all-regions.js';
import { configAllRegions } from '../logging/4.3-config-all-regions.js';
import { vpcFlowLogs } from '../logging/4.7-vpc-flow-logs.js';
import { s3ObjectWriteLogging } from '../logging/4.8-s3-object-write-logging.js';
import { s3ObjectReadLogging } from '../logging/4.9-s3-object-read-logging.js';
import { DEFAULT_CLASSIC, classicSelectorsCall, describeTrails, trail, trailStatusCall } from '../logging/trails.fixtures.js';
import { rootUsageMonitored } from '../monitoring/5.3-root-usage.js';

const ROOT = '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }';
const main = trail('main', 'us-east-1');
const inBothRegions = [describeTrails('us-east-1', [main]), describeTrails('eu-west-1', [main])];
const statusDenied = denied('cloudtrail', 'GetTrailStatus', { params: { Name: main.TrailARN } });
const selectorsDenied = denied('cloudtrail', 'GetEventSelectors', { params: { TrailName: main.TrailARN } });
const buckets = ok('s3api', 'ListBuckets', { Buckets: [{ Name: 'lake', BucketRegion: 'us-east-1' }] });

const recorders = (region: string, allSupported: boolean) =>
  ok('configservice', 'DescribeConfigurationRecorders', { ConfigurationRecorders: [{ name: 'default', recordingGroup: { allSupported, includeGlobalResourceTypes: true } }] }, { region });
const recorderStatus = (region: string) => ok('configservice', 'DescribeConfigurationRecorderStatus', { ConfigurationRecordersStatus: [{ name: 'default', recording: true, lastStatus: 'SUCCESS' }] }, { region });

describe('principle: missing data decides only where it could change the verdict', () => {
  describe('a proven failure stays fail when unrelated data is missing or denied', () => {
    it.each([
      ['4.8', s3ObjectWriteLogging],
      ['4.9', s3ObjectReadLogging],
    ] as const)('%s: selectors that record no S3 data events fail whatever the trail status', (_id, rec) => {
      const result = run(rec, makeSnapshot([...inBothRegions, statusDenied, classicSelectorsCall(main, [DEFAULT_CLASSIC]), buckets]));
      expect(result.status).toBe('fail');
      expect(result.findings).toEqual([expect.objectContaining({ resource: 'arn:aws:s3:::lake', status: 'fail' })]);
      // Selectors that would record the events leave the verdict to the status that is missing.
      const allS3 = { ReadWriteType: 'All' as const, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] };
      expect(run(rec, makeSnapshot([...inBothRegions, statusDenied, classicSelectorsCall(main, [allS3]), buckets])).status).toBe('error');
    });

    it('4.8: without ListBuckets, no trail recording any S3 data events is still a failure', () => {
      const result = run(s3ObjectWriteLogging, makeSnapshot([...inBothRegions, trailStatusCall(main), classicSelectorsCall(main, [DEFAULT_CLASSIC])]));
      expect(result.status).toBe('fail');
    });

    it('4.8: a trail that is not logging fails whatever its selectors, and one region\'s DescribeTrails missing hides no multi-region trail', () => {
      const result = run(s3ObjectWriteLogging, makeSnapshot([describeTrails('us-east-1', [main]), trailStatusCall(main, false), selectorsDenied, buckets]));
      expect(result.status).toBe('fail');
      expect(result.findings.map((f) => f.status)).toEqual(['fail']);
    });

    it('4.1: a trail that is not logging fails whatever its selectors', () => {
      const result = run(cloudtrailAllRegions, makeSnapshot([...inBothRegions, trailStatusCall(main, false), selectorsDenied]));
      expect(result.status).toBe('fail');
      expect(result.findings.at(-1)?.detail).toBe('main does not count: it is not logging');
      expect(run(cloudtrailAllRegions, makeSnapshot([...inBothRegions, trailStatusCall(main), selectorsDenied])).status).toBe('error');
    });

    it('4.1: selectors without management events fail whatever the status, with one region\'s DescribeTrails denied', () => {
      const dataOnly = { ReadWriteType: 'All' as const, IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] };
      const calls = [describeTrails('eu-west-1', [main]), denied('cloudtrail', 'DescribeTrails'), statusDenied, classicSelectorsCall(main, [dataOnly])];
      const result = run(cloudtrailAllRegions, makeSnapshot(calls));
      expect(result.status).toBe('fail');
      expect(result.findings.map((f) => f.status)).toEqual(['fail', 'fail']);
    });

    it('4.1 and 5.x: with one region unread, an account without trails fails for having no multi-region trail, never "no trail exists"', () => {
      const calls = [describeTrails('us-east-1', []), denied('cloudtrail', 'DescribeTrails', { region: 'eu-west-1' })];
      for (const rec of [cloudtrailAllRegions, rootUsageMonitored]) {
        const result = run(rec, makeSnapshot(calls));
        expect(result.status).toBe('fail');
        expect(result.findings[0]?.detail).toContain('no multi-region CloudTrail trail exists');
        expect(result.findings[0]?.detail).toContain('single-region trails in eu-west-1 are unknown');
      }
      const allRead = run(cloudtrailAllRegions, makeSnapshot([describeTrails('us-east-1', []), describeTrails('eu-west-1', [])]));
      expect(allRead.findings[0]?.detail).toBe('no CloudTrail trail exists in any region in scope');
    });

    it('4.3: a recorder that does not record all resource types fails before its status is read', () => {
      const result = run(configAllRegions, makeSnapshot([recorders('us-east-1', false), denied('configservice', 'DescribeConfigurationRecorderStatus'), recorders('eu-west-1', true), recorderStatus('eu-west-1')]));
      expect(result.status).toBe('fail');
      expect(result.findings[0]).toMatchObject({ region: 'us-east-1', status: 'fail', detail: expect.stringContaining('does not record all supported resource types') });
    });

    it('4.3: a region without recorders fails whatever the status call says', () => {
      const none = ok('configservice', 'DescribeConfigurationRecorders', { ConfigurationRecorders: [] }, { region: 'eu-west-1' });
      const result = run(configAllRegions, makeSnapshot([recorders('us-east-1', true), recorderStatus('us-east-1'), none]));
      expect(result.status).toBe('fail');
      expect(result.findings[1]).toMatchObject({ region: 'eu-west-1', status: 'fail', detail: 'no AWS Config recorder in eu-west-1' });
    });

    it('5.x: a chain broken at the metric filter fails even when the trail status was denied', () => {
      const result = run(rootUsageMonitored, chainSnapshot(ROOT, { filters: [], replace: { GetTrailStatus: statusDenied } }));
      expect(result.status).toBe('fail');
      expect(result.findings[0]?.detail).toContain('no metric filter catches');
    });
  });

  describe('a pass that does not depend on the missing data stays pass', () => {
    it('4.7: a region with no VPCs needs no flow-log call', () => {
      const noVpcs = (region: string) => ok('ec2', 'DescribeVpcs', { Vpcs: [] }, { region });
      const result = run(vpcFlowLogs, makeSnapshot([noVpcs('us-east-1'), noVpcs('eu-west-1'), denied('ec2', 'DescribeFlowLogs')]));
      expect(result.status).toBe('pass');
    });

    it('4.8: one region\'s DescribeTrails missing does not hide the multi-region trail that names every bucket', () => {
      const lakeWrites = { ReadWriteType: 'WriteOnly' as const, IncludeManagementEvents: true, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::lake/'] }] };
      const result = run(s3ObjectWriteLogging, makeSnapshot([describeTrails('eu-west-1', [main]), trailStatusCall(main), classicSelectorsCall(main, [lakeWrites]), buckets]));
      expect(result.status).toBe('pass');
      expect(result.findings.map((f) => f.status)).toEqual(['pass']);
    });
  });
});
