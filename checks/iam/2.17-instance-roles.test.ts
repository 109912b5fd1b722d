import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { instanceRoles } from './2.17-instance-roles.js';

const profileArn = (name: string) => `arn:aws:iam::111122223333:instance-profile/${name}`;
const instance = (id: string, name: string, profile?: string, state = 'running') => ({
  InstanceId: id,
  InstanceType: 't3.medium',
  State: { Code: state === 'terminated' ? 48 : 16, Name: state },
  Tags: [{ Key: 'Name', Value: name }],
  ...(profile ? { IamInstanceProfile: { Arn: profileArn(profile), Id: `AIPA${profile.toUpperCase().replace(/-/g, '')}` } } : {}),
});
const reservations = (region: string, ...instances: ReturnType<typeof instance>[]) =>
  ok('ec2', 'DescribeInstances', { Reservations: instances.length ? [{ ReservationId: 'r-0123456789abcdef0', OwnerId: '111122223333', Groups: [], Instances: instances }] : [] }, { region });
const profiles = (...list: { name: string; roles: string[] }[]) =>
  ok('iam', 'ListInstanceProfiles', {
    InstanceProfiles: list.map((p) => ({ Path: '/', InstanceProfileName: p.name, InstanceProfileId: `AIPA${p.name.toUpperCase().replace(/-/g, '')}`, Arn: profileArn(p.name), CreateDate: '2024-01-01T00:00:00+00:00', Roles: p.roles.map((r) => ({ RoleName: r, Arn: `arn:aws:iam::111122223333:role/${r}` })) })),
  });

describe('2.17 instance roles', () => {
  it('passes instances whose profile holds a role, and empty regions', () => {
    const result = run(instanceRoles, makeSnapshot([reservations('us-east-1', instance('i-0a11111111111111a', 'web-1', 'web-server')), reservations('eu-west-1'), profiles({ name: 'web-server', roles: ['web-server-role'] })]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]).toMatchObject({ resource: 'arn:aws:ec2:us-east-1:111122223333:instance/i-0a11111111111111a', region: 'us-east-1', status: 'pass' });
    expect(result.findings[0]?.detail).toContain('role web-server-role');
    expect(result.findings[1]).toMatchObject({ region: 'eu-west-1', status: 'pass', detail: 'no instances in eu-west-1' });
  });

  it('fails an instance without a profile and one whose profile holds no role, skipping terminated ones', () => {
    const snapshot = makeSnapshot([
      reservations('us-east-1', instance('i-0a33333333333333c', 'batch-legacy'), instance('i-0dead000000000000', 'gone', undefined, 'terminated')),
      reservations('eu-west-1', instance('i-0e44444444444444d', 'api-eu', 'empty-profile')),
      profiles({ name: 'empty-profile', roles: [] }),
    ]);
    const result = run(instanceRoles, snapshot);
    expect(result.status).toBe('fail');
    expect(result.findings.map((f) => f.detail)).toEqual(['i-0a33333333333333c "batch-legacy" has no instance profile, so no role', 'i-0e44444444444444d "api-eu" uses instance profile empty-profile, which holds no role']);
  });

  it('is an error for a region whose DescribeInstances is denied, still failing elsewhere', () => {
    const result = run(instanceRoles, makeSnapshot([reservations('us-east-1', instance('i-0a33333333333333c', 'batch-legacy')), denied('ec2', 'DescribeInstances', { region: 'eu-west-1' }), profiles()]));
    expect(result.status).toBe('fail');
    expect(result.findings[1]).toMatchObject({ region: 'eu-west-1', status: 'error' });
    expect(result.findings[1]?.detail).toContain('ec2 DescribeInstances');
  });

  it('is an error for instances with a profile when ListInstanceProfiles is missing', () => {
    const result = run(instanceRoles, makeSnapshot([reservations('us-east-1', instance('i-0a11111111111111a', 'web-1', 'web-server')), reservations('eu-west-1')]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('iam ListInstanceProfiles');
  });

  it('is an error when an instance names a profile IAM does not list', () => {
    const result = run(instanceRoles, makeSnapshot([reservations('us-east-1', instance('i-0a11111111111111a', 'web-1', 'ghost')), reservations('eu-west-1'), profiles()]));
    expect(result.status).toBe('error');
  });
});
