import { describe, expect, it } from 'vitest';
import { cliTimestamp, toCliJson } from '../../src/collect/cli-json.js';
import { mergePages } from '../../src/collect/collector.js';

describe('SDK output in the AWS CLI JSON form', () => {
  it('prints timestamps as the CLI does', () => {
    expect(cliTimestamp(new Date('2026-11-20T09:30:00Z'))).toBe('2026-11-20T09:30:00+00:00');
    expect(cliTimestamp(new Date('2026-11-20T09:30:00.123Z'))).toBe('2026-11-20T09:30:00.123000+00:00');
  });

  it('converts dates, blobs and IAM policy documents, and drops $metadata', () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'a b' } } }] };
    const output = {
      $metadata: { httpStatusCode: 200 },
      Content: new Uint8Array(Buffer.from('user,arn\n<root_account>,arn:aws:iam::1:root\n')),
      GeneratedTime: new Date('2026-11-20T09:29:00Z'),
      PolicyVersion: { Document: encodeURIComponent(JSON.stringify(policy)), CreateDate: new Date('2020-01-01T00:00:00.5Z') },
      Roles: [{ RoleName: 'r', AssumeRolePolicyDocument: encodeURIComponent('{"Version":"2012-10-17","Statement":[]}') }],
      Missing: undefined,
    };
    expect(toCliJson('iam', output)).toEqual({
      Content: Buffer.from('user,arn\n<root_account>,arn:aws:iam::1:root\n').toString('base64'),
      GeneratedTime: '2026-11-20T09:29:00+00:00',
      PolicyVersion: { Document: policy, CreateDate: '2020-01-01T00:00:00.500000+00:00' },
      Roles: [{ RoleName: 'r', AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [] } }],
    });
  });

  it('keeps a document it cannot decode, and leaves other services’ policy strings alone', () => {
    expect(toCliJson('iam', { PolicyDocument: '%E0%A4%A' })).toEqual({ PolicyDocument: '%E0%A4%A' });
    const bucketPolicy = '{"Version":"2012-10-17","Statement":[]}';
    expect(toCliJson('s3api', { Policy: bucketPolicy })).toEqual({ Policy: bucketPolicy });
    expect(toCliJson('sns', { Document: '%7B%7D' })).toEqual({ Document: '%7B%7D' });
  });
});

describe('merging pages', () => {
  it('joins the lists of every page and drops the paging members', () => {
    const merged = mergePages([
      { Users: [{ UserName: 'a' }], IsTruncated: true, Marker: 'm1', $metadata: {} },
      { Users: [{ UserName: 'b' }, { UserName: 'c' }], IsTruncated: true, Marker: 'm2' },
      { Users: [], IsTruncated: false },
    ]);
    expect(merged).toEqual({ Users: [{ UserName: 'a' }, { UserName: 'b' }, { UserName: 'c' }] });
    expect(mergePages([{ MetricAlarms: [1], CompositeAlarms: [], NextToken: 't' }, { MetricAlarms: [2], CompositeAlarms: [3] }])).toEqual({
      MetricAlarms: [1, 2],
      CompositeAlarms: [3],
    });
    expect(mergePages([{ Owner: { ID: 'o' }, Buckets: [] }, { Owner: { ID: 'o' }, Buckets: [{ Name: 'x' }] }])).toEqual({ Owner: { ID: 'o' }, Buckets: [{ Name: 'x' }] });
  });
});
