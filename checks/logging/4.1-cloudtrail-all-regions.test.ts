import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, run } from '../../test/helpers/snapshot.js';
import { cloudtrailAllRegions } from './4.1-cloudtrail-all-regions.js';
import { DEFAULT_CLASSIC, MANAGEMENT_ADVANCED, advancedSelectorsCall, classicSelectorsCall, describeTrails, s3DataAdvanced, trail, trailStatusCall } from './trails.fixtures.js';

const main = trail('main', 'us-east-1');
const local = trail('local', 'eu-west-1', { IsMultiRegionTrail: false });
const inBothRegions = (...trails: ReturnType<typeof trail>[]) => [describeTrails('us-east-1', trails), describeTrails('eu-west-1', trails)];

describe('4.1 CloudTrail in all regions', () => {
  it('is manual with the qualifying trail as evidence (classic selectors)', () => {
    const result = run(cloudtrailAllRegions, makeSnapshot([...inBothRegions(main, local), trailStatusCall(main), classicSelectorsCall(main, [DEFAULT_CLASSIC])]));
    expect(result.status).toBe('manual');
    expect(result.findings[0]).toMatchObject({ resource: main.TrailARN, region: 'us-east-1', status: 'manual' });
    expect(result.findings[0]?.detail).toContain('read and write management events via classic selector 1 (All)');
    expect(result.findings[1]).toMatchObject({ resource: local.TrailARN, status: 'manual', detail: 'local does not count: it records only its home region' });
  });

  it('accepts advanced selectors with a management selector and no readOnly field', () => {
    const result = run(cloudtrailAllRegions, makeSnapshot([...inBothRegions(main), trailStatusCall(main), advancedSelectorsCall(main, [MANAGEMENT_ADVANCED, s3DataAdvanced('S3 writes', 'false')])]));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toContain('advanced selector "Management events selector" (read and write)');
  });

  it('fails when the only multi-region trail records write events only', () => {
    const result = run(cloudtrailAllRegions, makeSnapshot([...inBothRegions(main, local), trailStatusCall(main), classicSelectorsCall(main, [{ ...DEFAULT_CLASSIC, ReadWriteType: 'WriteOnly' }])]));
    expect(result.status).toBe('fail');
    expect(result.findings.map((f) => f.status)).toEqual(['fail', 'fail', 'fail']);
    expect(result.findings[2]?.detail).toBe('main does not count: it records write management events only');
  });

  it('fails when the multi-region trail is not logging', () => {
    const result = run(cloudtrailAllRegions, makeSnapshot([...inBothRegions(main), trailStatusCall(main, false), classicSelectorsCall(main, [DEFAULT_CLASSIC])]));
    expect(result.status).toBe('fail');
    expect(result.findings[1]?.detail).toContain('is not logging');
  });

  it('fails when no trail exists at all', () => {
    const result = run(cloudtrailAllRegions, makeSnapshot(inBothRegions()));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('no CloudTrail trail exists');
  });

  it('is an error naming the call when the event selectors were denied, not a fail', () => {
    const result = run(
      cloudtrailAllRegions,
      makeSnapshot([...inBothRegions(main, local), trailStatusCall(main), denied('cloudtrail', 'GetEventSelectors', { region: 'us-east-1', params: { TrailName: main.TrailARN } })]),
    );
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('cloudtrail GetEventSelectors');
  });

  it('is an error when DescribeTrails was not collected anywhere', () => {
    const result = run(cloudtrailAllRegions, makeSnapshot([]));
    expect(result.status).toBe('error');
    expect(result.findings.map((f) => f.region)).toEqual(['us-east-1', 'eu-west-1']);
  });
});
