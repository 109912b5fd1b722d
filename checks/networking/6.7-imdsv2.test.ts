import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { imdsv2Required } from './6.7-imdsv2.js';

const instance = (id: string, name: string, state: string, tokens: string, extra: Record<string, string> = {}) => ({
  InstanceId: id,
  InstanceType: 't3.small',
  State: { Code: state === 'running' ? 16 : state === 'stopped' ? 80 : 48, Name: state },
  MetadataOptions: { State: 'applied', HttpTokens: tokens, HttpPutResponseHopLimit: 2, HttpEndpoint: 'enabled', HttpProtocolIpv6: 'disabled', InstanceMetadataTags: 'disabled', ...extra },
  Tags: [{ Key: 'Name', Value: name }],
});
const reservations = (region: string, ...instances: unknown[]) =>
  ok('ec2', 'DescribeInstances', { Reservations: instances.length ? [{ ReservationId: 'r-0a0000000000000b1', OwnerId: '111122223333', Groups: [], Instances: instances }] : [] }, { region });

describe('6.7 IMDSv2 required', () => {
  it('passes instances that require tokens, or have the metadata service off, and skips terminated ones', () => {
    const result = run(
      imdsv2Required,
      makeSnapshot([
        reservations(
          'us-east-1',
          instance('i-0a11111111111111a', 'web-1', 'running', 'required'),
          instance('i-0a44444444444444e', 'sealed', 'stopped', 'optional', { HttpEndpoint: 'disabled' }),
          instance('i-0a55555555555555f', 'old', 'terminated', 'optional'),
        ),
        reservations('eu-west-1'),
      ]),
    );
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([
      { resource: 'arn:aws:ec2:us-east-1:111122223333:instance/i-0a11111111111111a', region: 'us-east-1', status: 'pass', detail: 'i-0a11111111111111a (web-1), running: IMDSv2 required' },
      { resource: 'arn:aws:ec2:us-east-1:111122223333:instance/i-0a44444444444444e', region: 'us-east-1', status: 'pass', detail: 'i-0a44444444444444e (sealed), stopped: the metadata service is turned off' },
      { resource: '111122223333:eu-west-1', region: 'eu-west-1', status: 'pass', detail: 'no instances in eu-west-1' },
    ]);
  });

  it('fails running and stopped instances that still answer IMDSv1, and a change not yet applied', () => {
    const result = run(
      imdsv2Required,
      makeSnapshot([
        reservations(
          'us-east-1',
          instance('i-0a22222222222222b', 'web-2', 'running', 'optional'),
          instance('i-0a33333333333333c', 'batch-legacy', 'stopped', 'optional'),
          instance('i-0a66666666666666d', 'changing', 'running', 'required', { State: 'pending' }),
        ),
        reservations('eu-west-1'),
      ]),
    );
    expect(result.status).toBe('fail');
    expect(result.findings.map((f) => f.detail)).toEqual([
      'i-0a22222222222222b (web-2), running: HttpTokens is optional, so IMDSv1 requests without a token are answered',
      'i-0a33333333333333c (batch-legacy), stopped: HttpTokens is optional, so IMDSv1 requests without a token are answered',
      'i-0a66666666666666d (changing), running: IMDSv2 required but the change is pending, not yet applied',
      'no instances in eu-west-1',
    ]);
  });

  it('is an error naming the call when a region was denied', () => {
    const result = run(imdsv2Required, makeSnapshot([reservations('us-east-1'), denied('ec2', 'DescribeInstances', { region: 'eu-west-1', code: 'UnauthorizedOperation' })]));
    expect(result.status).toBe('error');
    expect(result.findings[1]?.detail).toContain('ec2 DescribeInstances failed in eu-west-1: UnauthorizedOperation');
  });
});
