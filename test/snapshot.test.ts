import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { parseSnapshot, readSnapshotFile, SnapshotIndex, writeSnapshotFile } from '../src/snapshot.js';
import { makeSnapshot, ok } from './helpers/snapshot.js';

const valid = () => makeSnapshot([ok('iam', 'ListAccessKeys', { AccessKeyMetadata: [] }, { params: { UserName: 'ann' } })]);

function complaint(text: string): string {
  try {
    parseSnapshot(text, 'snap.json');
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error('expected the snapshot to be refused');
}

describe('snapshot reader', () => {
  it('reads back what the writer wrote', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'assay-')), 'snap.json');
    writeSnapshotFile(file, valid());
    expect(readSnapshotFile(file)).toEqual(valid());
  });

  it('refuses text that is not JSON, naming the file', () => {
    expect(complaint('{"format": ')).toMatch(/^snap\.json: not valid JSON/);
  });

  it('refuses a wrong format, naming the member and the expected value', () => {
    expect(complaint(JSON.stringify({ ...valid(), format: 'other/v2' }))).toBe(
      'snap.json: format: expected "assay.snapshot/v1"; got "other/v2"',
    );
  });

  it('refuses a call with neither output nor error, naming the call', () => {
    const bad = valid();
    delete (bad.calls[0] as { output?: unknown }).output;
    expect(complaint(JSON.stringify(bad))).toMatch(/calls\[0\] \(iam ListAccessKeys\): expected exactly one of "output" or "error"/);
  });

  it('refuses a missing calls list and a bad account id', () => {
    const { calls: _calls, ...noCalls } = valid();
    expect(complaint(JSON.stringify(noCalls))).toMatch(/calls: expected an array of calls; it is missing/);
    expect(complaint(JSON.stringify({ ...valid(), account: '12' }))).toMatch(/account: expected a 12-digit AWS account id/);
  });

  it('names a missing file', () => {
    expect(() => readSnapshotFile('/nonexistent/snap.json')).toThrow(/cannot read the snapshot \(ENOENT\)/);
  });

  it('ignores unknown fields', () => {
    expect(parseSnapshot(JSON.stringify({ ...valid(), tool: 'x' })).calls).toHaveLength(1);
  });
});

describe('snapshot lookup', () => {
  const index = new SnapshotIndex(
    makeSnapshot([
      ok('ec2', 'DescribeVpcs', { Vpcs: [1] }, { region: 'eu-west-1' }),
      ok('ec2', 'DescribeVpcs', { Vpcs: [2] }, { region: 'us-east-1' }),
      ok('iam', 'ListPolicies', { Policies: ['attached'] }, { params: { OnlyAttached: true, Scope: 'Local' } }),
    ]),
  );

  it('finds a call by region', () => {
    expect(index.find('ec2', 'DescribeVpcs', 'eu-west-1')?.output).toEqual({ Vpcs: [1] });
  });

  it('matches params whatever their order, ignoring paging members', () => {
    expect(index.find('iam', 'ListPolicies', undefined, { Scope: 'Local', OnlyAttached: true, MaxItems: 100 })?.output).toEqual({ Policies: ['attached'] });
    expect(index.find('iam', 'ListPolicies', undefined, { OnlyAttached: false })).toBeUndefined();
  });

  it('lists every recorded call of an operation', () => {
    expect(index.all('ec2', 'DescribeVpcs')).toHaveLength(2);
  });
});
