import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { configAllRegions } from './4.3-config-all-regions.js';

const recorder = (region: string, group: Record<string, unknown> = {}) =>
  ok(
    'configservice',
    'DescribeConfigurationRecorders',
    {
      ConfigurationRecorders: [
        {
          arn: `arn:aws:config:${region}:111122223333:configuration-recorder/default/abc`,
          name: 'default',
          roleARN: 'arn:aws:iam::111122223333:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig',
          recordingGroup: { allSupported: true, includeGlobalResourceTypes: false, resourceTypes: [], exclusionByResourceTypes: { resourceTypes: [] }, recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' }, ...group },
          recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
        },
      ],
    },
    { region },
  );
const status = (region: string, recording = true, lastStatus = 'SUCCESS') =>
  ok('configservice', 'DescribeConfigurationRecorderStatus', { ConfigurationRecordersStatus: [{ name: 'default', lastStartTime: '2025-01-10T08:00:00Z', recording, lastStatus, lastStatusChangeTime: '2026-11-25T09:00:00Z' }] }, { region });
const noRecorders = (region: string) => [ok('configservice', 'DescribeConfigurationRecorders', { ConfigurationRecorders: [] }, { region }), ok('configservice', 'DescribeConfigurationRecorderStatus', { ConfigurationRecordersStatus: [] }, { region })];

describe('4.3 AWS Config in all regions', () => {
  it('passes recorders of all types in every region with global types in one', () => {
    const result = run(configAllRegions, makeSnapshot([recorder('us-east-1', { includeGlobalResourceTypes: true }), status('us-east-1'), recorder('eu-west-1'), status('eu-west-1')]));
    expect(result.status).toBe('pass');
    expect(result.findings.map((f) => [f.region, f.status])).toEqual([
      ['us-east-1', 'pass'],
      ['eu-west-1', 'pass'],
      ['global', 'pass'],
    ]);
    expect(result.findings[2]?.detail).toContain('default in us-east-1');
  });

  it('fails a region without a recorder', () => {
    const result = run(configAllRegions, makeSnapshot([recorder('us-east-1', { includeGlobalResourceTypes: true }), status('us-east-1'), ...noRecorders('eu-west-1')]));
    expect(result.status).toBe('fail');
    expect(result.findings[1]).toMatchObject({ region: 'eu-west-1', status: 'fail', detail: 'no AWS Config recorder in eu-west-1' });
  });

  it('fails a recorder limited to some types, one that is stopped, and an account without global types', () => {
    const result = run(
      configAllRegions,
      makeSnapshot([
        recorder('us-east-1', { allSupported: false, resourceTypes: ['AWS::EC2::Instance'], recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' } }),
        status('us-east-1'),
        recorder('eu-west-1'),
        status('eu-west-1', false, 'Failure'),
      ]),
    );
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('does not record all supported resource types');
    expect(result.findings[1]?.detail).toContain('is not recording, last status is Failure');
    expect(result.findings[2]).toMatchObject({ region: 'global', status: 'fail' });
  });

  it('is an error naming the call for a denied region, without claiming global types are missing', () => {
    const result = run(configAllRegions, makeSnapshot([recorder('us-east-1'), status('us-east-1'), denied('configservice', 'DescribeConfigurationRecorders', { region: 'eu-west-1' })]));
    expect(result.status).toBe('error');
    expect(result.findings[1]?.detail).toContain('configservice DescribeConfigurationRecorders failed in eu-west-1');
    expect(result.findings[2]).toMatchObject({ region: 'global', status: 'error' });
  });

  it('is an error when the recorder status was not collected', () => {
    const result = run(configAllRegions, makeSnapshot([recorder('us-east-1', { includeGlobalResourceTypes: true }), status('us-east-1'), recorder('eu-west-1')]));
    expect(result.status).toBe('error');
    expect(result.findings[1]?.detail).toContain('configservice DescribeConfigurationRecorderStatus was not collected for eu-west-1');
  });
});
