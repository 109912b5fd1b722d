import { describe, expect, it } from 'vitest';
import { makeSnapshot, ok } from '../test/helpers/snapshot.js';
import { SnapshotIndex } from '../src/snapshot.js';
import { CheckContext, judgeEach, MissingInput } from './context.js';

describe('judgeEach', () => {
  it('turns one item\'s missing input into an error finding and keeps judging the rest', () => {
    const findings = judgeEach(['a', 'b'], (item) => {
      if (item === 'a') throw new MissingInput('s3api GetBucketPolicy {"Bucket":"a"}', 'us-east-1');
      return [{ resource: item, region: 'us-east-1', status: 'fail', detail: 'x' }];
    });
    expect(findings.map((f) => [f.resource, f.status])).toEqual([
      ['s3api GetBucketPolicy {"Bucket":"a"}', 'error'],
      ['b', 'fail'],
    ]);
  });

  it('puts the error on the item\'s resource when told how to name it', () => {
    const findings = judgeEach(['logs'], () => {
      throw new MissingInput('s3api GetBucketPolicy {"Bucket":"logs"}', 'us-east-1');
    }, (bucket) => `arn:aws:s3:::${bucket}`);
    expect(findings).toEqual([expect.objectContaining({ resource: 'arn:aws:s3:::logs', status: 'error', detail: expect.stringContaining('s3api GetBucketPolicy') })]);
  });

  it('lets programming errors through', () => {
    expect(() => judgeEach([1], () => { throw new TypeError('bug'); })).toThrow(TypeError);
  });
});

describe('CheckContext.memo', () => {
  const context = () => new CheckContext(new SnapshotIndex(makeSnapshot([ok('iam', 'ListUsers', { Users: [] })])));

  it('computes a value once per key and hands every caller the same one', () => {
    const ctx = context();
    let computed = 0;
    const first = ctx.memo('users', () => ({ count: ++computed }));
    expect(ctx.memo('users', () => ({ count: ++computed }))).toBe(first);
    expect(ctx.memo('other', () => ({ count: ++computed }))).toEqual({ count: 2 });
    expect(computed).toBe(2);
  });

  it('remembers a failure too, so every reader sees the same missing input', () => {
    const ctx = context();
    let computed = 0;
    const read = () => ctx.memo('report', () => {
      computed += 1;
      throw new MissingInput('iam GetCredentialReport', 'global');
    });
    expect(read).toThrow(MissingInput);
    expect(read).toThrow(/iam GetCredentialReport was not collected/);
    expect(computed).toBe(1);
  });
});

describe('CheckContext.perRegion', () => {
  it('judges every region and turns one region\'s missing input into an error finding', () => {
    const ctx = new CheckContext(new SnapshotIndex(makeSnapshot([ok('ec2', 'DescribeVpcs', { Vpcs: [] }, { region: 'us-east-1' })], { regions: ['us-east-1', 'eu-west-1'] })));
    const findings = ctx.perRegion((region) => {
      ctx.output('ec2', 'DescribeVpcs', { region });
      return [{ resource: 'vpcs', region, status: 'pass', detail: 'read' }];
    });
    expect(findings.map((f) => [f.region, f.status, f.resource])).toEqual([
      ['us-east-1', 'pass', 'vpcs'],
      ['eu-west-1', 'error', 'ec2 DescribeVpcs'],
    ]);
  });
});
