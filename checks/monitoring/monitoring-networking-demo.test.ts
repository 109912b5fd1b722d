import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '../../src/demo.js';
import { packagePath } from '../../src/paths.js';
import type { SnapshotCall } from '../../src/snapshot.js';
import { evaluateSnapshot } from '../evaluate.js';
import { NETWORKING } from '../networking/index.js';
import { MONITORING } from './index.js';

const fragment = JSON.parse(readFileSync(packagePath('src', 'demo', 'fragments', 'monitoring-networking.json'), 'utf8')) as { calls: SnapshotCall[] };
const results = new Map(evaluateSnapshot(loadDemoSnapshot(), [...MONITORING, ...NETWORKING]).map((r) => [r.id, r]));
const failing = (id: string) => results.get(id)?.findings.filter((f) => f.status === 'fail').map((f) => f.resource.split('/').pop());

// The monitoring-networking fragment tells its part of the demo account's story (TEAM.md).
describe('the demo account: monitoring and networking', () => {
  it('records only the calls this fragment owns', () => {
    const owned = new Set(['logs', 'cloudwatch', 'sns', 'securityhub', 'organizations', 'ec2']);
    expect(fragment.calls.filter((c) => !owned.has(c.service))).toEqual([]);
    expect(fragment.calls.filter((c) => c.service === 'ec2' && ['DescribeFlowLogs', 'DescribeRegions'].includes(c.operation))).toEqual([]);
    expect(fragment.calls.filter((c) => c.error).map((c) => `${c.service} ${c.operation} ${c.region} ${c.error?.code}`)).toEqual([
      'securityhub DescribeHub us-west-2 InvalidAccessException',
      'securityhub DescribeHub eu-central-1 InvalidAccessException',
    ]);
  });

  it('gives each recommendation the status the story calls for', () => {
    const expected = {
      '5.1': 'manual', '5.2': 'manual', '5.3': 'fail', '5.4': 'fail', '5.5': 'manual', '5.6': 'fail', '5.7': 'fail', '5.8': 'manual',
      '5.9': 'fail', '5.10': 'manual', '5.11': 'fail', '5.12': 'fail', '5.13': 'manual', '5.14': 'fail', '5.15': 'fail', '5.16': 'fail',
      '6.1.1': 'fail', '6.1.2': 'pass', '6.2': 'fail', '6.3': 'fail', '6.4': 'fail', '6.5': 'fail', '6.6': 'manual', '6.7': 'fail',
    };
    expect(Object.fromEntries(Object.keys(expected).map((id) => [id, results.get(id)?.status]))).toEqual(expected);
  });

  it('matches re-spaced, reordered and broader filters, and names the broken links', () => {
    expect(results.get('5.2')?.findings[0]?.detail).toContain("metric filter 'cis-console-signin-without-mfa' (the prescribed pattern)");
    expect(results.get('5.10')?.findings[0]?.detail).toContain('(catches every prescribed event, and more)');
    expect(results.get('5.13')?.findings[0]?.detail).toContain('(same meaning as the prescribed pattern)');
    expect(results.get('5.3')?.findings.map((f) => f.resource)).toEqual(['arn:aws:sns:us-east-1:111122223333:ops-pager']);
    expect(results.get('5.4')?.findings[0]?.detail).toMatch(/'cis-iam-policy-changes', misses \{ \$\.eventName = "DetachGroupPolicy" \}$/);
    expect(results.get('5.15')?.findings[0]?.detail).toContain('member of organization o-nw4k7r2m9q');
  });

  it('fails the regions and resources the story exposes', () => {
    expect(results.get('5.16')?.findings.filter((f) => f.status === 'fail').map((f) => f.region)).toEqual(['us-west-2', 'eu-central-1']);
    expect(results.get('6.1.1')?.findings.filter((f) => f.status === 'fail').map((f) => f.region)).toEqual(['us-west-2']);
    expect(failing('6.3')).toEqual(['sg-0a1b2c3d4e5f00005']);
    expect(failing('6.4')).toEqual(['sg-0a1b2c3d4e5f00007']);
    expect(failing('6.5')).toEqual(['sg-0a1b2c3d4e5f00002']);
    expect(failing('6.7')).toEqual(['i-0a22222222222222b', 'i-0a33333333333333c']);
    expect(failing('6.2')).toEqual(['acl-0a1b2c3d4e5f00102', 'acl-0a1b2c3d4e5f00104', 'acl-0b2c3d4e5f6a00121', 'acl-0e1f2a3b4c5d00113', 'acl-0c3d4e5f6a7b00131']);
  });

  it('gives the instances the profiles the IAM story relies on', () => {
    const profiles = fragment.calls
      .filter((c) => c.operation === 'DescribeInstances')
      .flatMap((c) => (c.output as { Reservations: { Instances: { InstanceId: string; IamInstanceProfile?: { Arn: string } }[] }[] }).Reservations)
      .flatMap((r) => r.Instances)
      .map((i) => [i.InstanceId, i.IamInstanceProfile?.Arn.split('/').pop() ?? null]);
    expect(profiles).toEqual([
      ['i-0a11111111111111a', 'web-server'],
      ['i-0a22222222222222b', 'web-server'],
      ['i-0a33333333333333c', null],
      ['i-0e44444444444444d', 'api-server'],
    ]);
  });
});
