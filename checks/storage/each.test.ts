import { describe, expect, it } from 'vitest';
import { MissingInput } from '../context.js';
import { judgeEach } from './each.js';

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
