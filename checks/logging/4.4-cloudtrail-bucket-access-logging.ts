import { MissingInput, judgeEach } from '../context.js';
import { otherAccount } from '../ownership.js';
import { attempt } from '../requirements.js';
import { BUCKET_LIST_READS, bucketArn, bucketCall, bucketNamed } from '../storage/buckets.js';
import type { Finding, Recommendation } from '../types.js';
import { listTrails, type Trail } from './trails.js';

interface ListBucketsOutput {
  Buckets?: { Name: string }[];
}

interface BucketLoggingOutput {
  LoggingEnabled?: { TargetBucket?: string; TargetPrefix?: string };
}

export const cloudtrailBucketAccessLogging: Recommendation = {
  id: '4.4',
  section: '4',
  title: 'Ensure that server access logging is enabled on the CloudTrail S3 bucket',
  level: 1,
  assessment: 'manual',
  guidance: {
    protects:
      'The CloudTrail bucket holds the evidence of everything done in the account, so reads and deletions of it deserve their own record. Server access logging writes a line for every request to the bucket, showing who downloaded or tried to remove log files. Sending those lines to a separate bucket keeps them out of reach of whoever tampers with the trail bucket.',
    verifyConsole: [
      'Open CloudTrail → Trails and note the S3 bucket of each trail.',
      'Open each of those buckets in S3 → Properties: Server access logging must be Enabled.',
      'Check the target bucket is a separate, access-restricted bucket.',
    ],
    verifyCli: [
      'aws cloudtrail describe-trails --query "trailList[].S3BucketName"',
      'For each bucket: aws s3api get-bucket-logging --bucket <bucket>: the output must contain LoggingEnabled with a TargetBucket; an empty output means logging is off.',
    ],
    remediation: [
      'Create (or choose) a log-target bucket in the same region and account, with public access blocked.',
      'Console: bucket → Properties → Server access logging → Edit → Enable, choose the target bucket and a prefix.',
      'CLI: aws s3api put-bucket-logging --bucket <trail-bucket> --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<target>","TargetPrefix":"<prefix>/"}}\'',
    ],
  },
  reads: [
    { service: 'cloudtrail', operation: 'DescribeTrails', scope: 'regional' },
    ...BUCKET_LIST_READS,
    { service: 's3api', operation: 'GetBucketLogging', scope: 'regional', per: 'Bucket' },
  ],
  risk: { likelihood: 2, impact: 2, mitigation: 'reduction', mitigationWhy: 'An access record of the log bucket exposes attempts to read or destroy the audit trail.' },
  evaluate(ctx) {
    const { trails, missing } = listTrails(ctx);
    const bucketTrails = new Map<string, Trail[]>();
    for (const trail of trails) {
      if (trail.S3BucketName) bucketTrails.set(trail.S3BucketName, [...(bucketTrails.get(trail.S3BucketName) ?? []), trail]);
    }
    if (bucketTrails.size === 0 && missing.length === 0) {
      return [{ resource: ctx.account, region: 'global', status: 'fail', detail: 'no CloudTrail trail delivers to an S3 bucket, so there is no bucket to log' }];
    }
    const ownBuckets = ctx.optional<ListBucketsOutput>('s3api', 'ListBuckets')?.Buckets?.map((b) => b.Name);
    const findings = judgeEach([...bucketTrails], ([name, bucketOf]): Finding[] => {
      const bucket = bucketNamed(ctx, name);
      const resource = bucket.arn;
      const of = `bucket of ${bucketOf.map((t) => t.Name).join(', ')}`;
      const recorded = attempt(() => bucketCall<BucketLoggingOutput>(ctx, 'GetBucketLogging', bucket));
      const call = recorded instanceof MissingInput ? undefined : recorded;
      if (!call?.outcome.ok) {
        // The log bucket may belong to another account (an organization trail's, or a central one).
        const owners = [...new Set(bucketOf.map((t) => otherAccount(ctx, t.TrailARN)).filter((a): a is string => a !== undefined))];
        const notOwn = ownBuckets ? !ownBuckets.includes(name) : owners.length > 0;
        if (notOwn) {
          const why = ownBuckets ? 'is not among the buckets of this account (s3api ListBuckets)' : 'belongs to a trail of another account';
          const trailOwner = owners.length > 0 ? `; ${bucketOf.map((t) => t.Name).join(', ')} belongs to account ${owners.join(', ')}` : '';
          return [{ resource, region: call?.region ?? bucket.region ?? 'global', status: 'manual', detail: `this ${of} ${why}${trailOwner}; obtain its server access logging from the account that owns it (aws s3api get-bucket-logging --bucket ${name})` }];
        }
      }
      if (recorded instanceof MissingInput) throw recorded;
      const { outcome, region: where } = recorded;
      if (!outcome.ok) return [{ resource, region: where, status: 'error', detail: `s3api GetBucketLogging {"Bucket":"${name}"} failed: ${outcome.error.code}` }];
      const target = outcome.output.LoggingEnabled;
      if (!target?.TargetBucket) return [{ resource, region: where, status: 'fail', detail: `server access logging is off on this ${of}` }];
      const destination = `${target.TargetBucket}/${target.TargetPrefix ?? ''}`;
      const self = target.TargetBucket === name ? '; the logs go into the same bucket, so a separate target bucket is advisable' : '';
      return [{ resource, region: where, status: 'manual', detail: `server access logging on this ${of} delivers to ${destination}${self}; confirm the target is access-restricted` }];
    }, ([name]) => bucketArn(ctx, name));
    return [...findings, ...missing];
  },
};
