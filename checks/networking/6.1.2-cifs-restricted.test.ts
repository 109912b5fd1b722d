import { describe, expect, it } from 'vitest';
import { describeSecurityGroups, securityGroup, sgRule } from '../../test/helpers/ec2-fixtures.js';
import { denied, makeSnapshot, run } from '../../test/helpers/snapshot.js';
import { cifsRestricted } from './6.1.2-cifs-restricted.js';

describe('6.1.2 CIFS restricted to trusted networks', () => {
  it('passes groups that admit 445 only from private ranges, and ignores ICMP', () => {
    const files = securityGroup('sg-0aaa0000000000001', 'files', [sgRule('tcp', 445, 445, ['10.0.0.0/8']), sgRule('icmp', -1, -1, ['0.0.0.0/0'])]);
    const result = run(cifsRestricted, makeSnapshot([describeSecurityGroups('us-east-1', files), describeSecurityGroups('eu-west-1')]));
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([
      {
        resource: 'arn:aws:ec2:us-east-1:111122223333:security-group/sg-0aaa0000000000001',
        region: 'us-east-1',
        status: 'pass',
        detail: 'sg-0aaa0000000000001 (files, vpc-0a1b2c3d4e5f60001): no inbound rule lets 0.0.0.0/0 or ::/0 reach port 445',
      },
      { resource: '111122223333:eu-west-1', region: 'eu-west-1', status: 'pass', detail: 'no security groups in eu-west-1' },
    ]);
  });

  it('fails a group open to 445 from 0.0.0.0/0 through a port range, or from ::/0 with all protocols', () => {
    const range = securityGroup('sg-0aaa0000000000002', 'smb-range', [sgRule('tcp', 400, 500, ['0.0.0.0/0'])]);
    const allV6 = securityGroup('sg-0aaa0000000000003', 'all-v6', [sgRule('-1', undefined, undefined, [], ['::/0'])]);
    const udp = securityGroup('sg-0aaa0000000000004', 'udp', [sgRule('udp', 137, 139, ['0.0.0.0/0'])]);
    const result = run(cifsRestricted, makeSnapshot([describeSecurityGroups('us-east-1', range, allV6, udp), describeSecurityGroups('eu-west-1')]));
    expect(result.status).toBe('fail');
    expect(result.findings.filter((f) => f.region === 'us-east-1').map((f) => f.detail)).toEqual([
      'sg-0aaa0000000000002 (smb-range, vpc-0a1b2c3d4e5f60001): port 445 open to the internet — inbound tcp 400-500 from 0.0.0.0/0',
      'sg-0aaa0000000000003 (all-v6, vpc-0a1b2c3d4e5f60001): port 445 open to the internet — inbound all traffic from ::/0',
      'sg-0aaa0000000000004 (udp, vpc-0a1b2c3d4e5f60001): no inbound rule lets 0.0.0.0/0 or ::/0 reach port 445',
    ]);
  });

  it('is an error naming the call when a region was denied', () => {
    const result = run(cifsRestricted, makeSnapshot([describeSecurityGroups('us-east-1'), denied('ec2', 'DescribeSecurityGroups', { region: 'eu-west-1', code: 'UnauthorizedOperation' })]));
    expect(result.status).toBe('error');
    expect(result.findings[1]?.detail).toContain('ec2 DescribeSecurityGroups failed in eu-west-1: UnauthorizedOperation');
  });
});
