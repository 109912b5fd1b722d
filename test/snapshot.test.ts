import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { isIsoTimestamp, parseSnapshot, parseSnapshotBytes, readSnapshotFile, SnapshotIndex, writeSnapshotFile } from '../src/snapshot.js';
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

describe('snapshot reader: damaged files are refused, never repaired', () => {
  const bytesComplaint = (bytes: Uint8Array): string => {
    try {
      parseSnapshotBytes(bytes, 'snap.json');
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      return (err as Error).message;
    }
    throw new Error('expected the snapshot to be refused');
  };
  const text = () => JSON.stringify(valid(), null, 1);

  it('refuses invalid UTF-8, naming the byte and the line, instead of replacing it', () => {
    const bytes = Buffer.from(text());
    const at = bytes.indexOf('ann');
    bytes[at] = 0xff;
    const line = text().slice(0, at).split('\n').length;
    expect(bytesComplaint(bytes)).toBe(`snap.json: invalid UTF-8 at byte ${at} (line ${line}); snapshots are UTF-8 JSON and are never repaired`);
  });

  it('reads a file with a UTF-8 byte-order mark, and refuses UTF-16 saying what to do', () => {
    expect(parseSnapshotBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text())]))).toEqual(valid());
    for (const utf16 of [Buffer.from(`\ufeff${text()}`, 'utf16le'), Buffer.from(text(), 'utf16le')]) {
      expect(bytesComplaint(utf16)).toMatch(/^snap\.json: the file is UTF-16 .*save it as UTF-8/);
    }
  });

  it('reads the file from disk the same way', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'assay-')), 'snap.json');
    writeFileSync(file, Buffer.concat([Buffer.from(text().slice(0, 10)), Buffer.from([0xc3, 0x28]), Buffer.from(text().slice(10))]));
    expect(() => readSnapshotFile(file)).toThrow(`${file}: invalid UTF-8 at byte 11 (line 2)`);
  });

  it('refuses two entries for one call that differ, naming both, and keeps identical repeats', () => {
    const call = ok('iam', 'ListAccessKeys', { AccessKeyMetadata: [] }, { params: { UserName: 'ann' } });
    const emptied = { ...call, output: {} };
    const conflicting = { ...valid(), calls: [...valid().calls, ok('iam', 'ListUsers', { Users: [] }), { ...emptied, params: { UserName: 'ann', MaxItems: 5 } }] };
    expect(complaint(JSON.stringify(conflicting))).toBe(
      'snap.json: calls[0] and calls[2] both record iam ListAccessKeys in us-east-1 {"UserName":"ann"} with different answers; a snapshot holds one answer per call, so remove one of them',
    );
    const repeated = { ...valid(), calls: [...valid().calls, call] };
    expect(parseSnapshot(JSON.stringify(repeated)).calls).toHaveLength(2);
  });

  it('refuses a collection time that names no real moment or no time zone', () => {
    for (const collectedAt of ['2026-02-30T10:00:00Z', '2026-11-25T25:00:00Z', '2026-11-25T10:00:00', 'yesterday', 12]) {
      expect(complaint(JSON.stringify({ ...valid(), collectedAt }))).toMatch(/^snap\.json: collectedAt: expected an ISO-8601 timestamp with its time zone/);
    }
    expect(isIsoTimestamp('2026-11-25T10:00:00.123+01:00', { zone: true })).toBe(true);
    expect(isIsoTimestamp('2024-02-29')).toBe(true);
    expect(isIsoTimestamp('2026-02-29')).toBe(false);
  });

  it('refuses a call nested deeper than any AWS answer, without overflowing the stack', () => {
    const deep = '{"x":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const good = JSON.stringify(valid());
    const at = good.indexOf('"params":') + '"params":'.length;
    expect(complaint(`${good.slice(0, at)}${deep},"was":${good.slice(at)}`)).toMatch(/^snap\.json: calls\[0\]: expected a call nested at most 64 levels deep/);
  });

  it('refuses an error message that is not text', () => {
    const bad = { ...valid(), calls: [{ service: 'iam', operation: 'ListUsers', region: 'us-east-1', params: {}, error: { code: 'AccessDenied', message: { no: 1 } } }] };
    expect(complaint(JSON.stringify(bad))).toMatch(/calls\[0\]\.error\.message: expected a string/);
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
