import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '../../src/demo.js';
import { packagePath } from '../../src/paths.js';
import type { SnapshotCall } from '../../src/snapshot.js';
import { evaluateSnapshot } from '../evaluate.js';
import { STORAGE } from '../storage/index.js';
import { vpcFlowLogs } from './4.7-vpc-flow-logs.js';
import { LOGGING } from './index.js';

const fragment = JSON.parse(readFileSync(packagePath('src', 'demo', 'fragments', 'storage-logging.json'), 'utf8')) as { calls: SnapshotCall[] };
const demo = loadDemoSnapshot();
const results = new Map(evaluateSnapshot(demo, [...STORAGE, ...LOGGING]).map((r) => [r.id, r]));
const failing = (id: string) => results.get(id)?.findings.filter((f) => f.status === 'fail').map((f) => f.resource);

// The storage-logging fragment tells the demo account's story (TEAM.md); these are its verdicts.
describe('the demo account: storage and logging', () => {
  it('gives each recommendation the status the story calls for', () => {
    const expected = {
      '3.1.1': 'fail', '3.1.2': 'manual', '3.1.3': 'error', '3.1.4': 'pass', '3.2.1': 'fail', '3.2.2': 'pass', '3.2.4': 'manual', '3.3.1': 'pass',
      '4.1': 'manual', '4.2': 'fail', '4.3': 'fail', '4.4': 'fail', '4.5': 'fail', '4.6': 'fail', '4.8': 'pass', '4.9': 'fail',
    };
    expect(Object.fromEntries(Object.keys(expected).map((id) => [id, results.get(id)?.status]))).toEqual(expected);
  });

  it('fails the buckets without a deny-HTTP policy, including the data lake', () => {
    expect(failing('3.1.1')).toEqual(['arn:aws:s3:::northwind-legacy-trail', 'arn:aws:s3:::northwind-data-lake', 'arn:aws:s3:::northwind-tmp-exports']);
  });

  it('blames the legacy trail for validation, KMS and access logging, and the data-lake key for rotation', () => {
    const legacy = 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/legacy-eu-trail';
    expect(failing('4.2')).toEqual([legacy]);
    expect(failing('4.5')).toEqual([legacy]);
    expect(failing('4.4')).toEqual(['arn:aws:s3:::northwind-legacy-trail']);
    expect(failing('4.6')).toEqual(['arn:aws:kms:us-east-1:111122223333:key/1a2b3c4d-2222-4b5c-8d9e-bbbbbbbbbbbb']);
    expect(failing('3.2.1')).toEqual(['arn:aws:rds:us-east-1:111122223333:db:reporting-db']);
    expect(results.get('4.3')?.findings.find((f) => f.status === 'fail')?.region).toBe('eu-central-1');
  });

  it('holds the one denied call of the demo: Macie in eu-central-1', () => {
    const denied = fragment.calls.filter((c) => c.error?.code.startsWith('AccessDenied'));
    expect(denied.map((c) => `${c.service} ${c.operation} ${c.region}`)).toEqual(['macie2 GetMacieSession eu-central-1']);
    expect(results.get('3.1.3')?.findings.filter((f) => f.status === 'error').map((f) => f.region)).toEqual(['eu-central-1']);
  });

  it('records flow logs for the prod VPCs only (4.7, with the story\'s VPCs)', () => {
    const story: Record<string, string[]> = {
      'us-east-1': ['vpc-0a1b2c3d4e5f60001', 'vpc-0a1b2c3d4e5f60002'],
      'eu-west-1': ['vpc-0e1f2a3b4c5d60003', 'vpc-0e1f2a3b4c5d60004'],
      'us-west-2': ['vpc-0b2c3d4e5f6a70005'],
      'eu-central-1': ['vpc-0c3d4e5f6a7b80006'],
    };
    const vpcCalls = Object.entries(story).map(([region, ids]) => ({
      service: 'ec2',
      operation: 'DescribeVpcs',
      region,
      params: {},
      output: { Vpcs: ids.map((VpcId) => ({ VpcId, OwnerId: '111122223333', IsDefault: !VpcId.endsWith('1') && !VpcId.endsWith('3') })) },
    }));
    const calls = [...demo.calls.filter((c) => !(c.service === 'ec2' && c.operation === 'DescribeVpcs')), ...vpcCalls];
    const [result] = evaluateSnapshot({ ...demo, calls }, [vpcFlowLogs]);
    expect(result?.findings.filter((f) => f.status === 'pass').map((f) => f.resource.split('/')[1])).toEqual(['vpc-0a1b2c3d4e5f60001', 'vpc-0e1f2a3b4c5d60003']);
    expect(result?.findings.filter((f) => f.status === 'fail')).toHaveLength(4);
  });
});
