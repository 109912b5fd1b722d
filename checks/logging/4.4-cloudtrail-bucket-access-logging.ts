import { judgeEach } from '../context.js';
import { BUCKET_LIST_READS, bucketArn, bucketCall, bucketNamed } from '../storage/buckets.js';
import type { Finding, Recommendation } from '../types.js';
import { listTrails } from './trails.js';

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
    const bucketTrails = new Map<string, string[]>();
    for (const trail of trails) {
      if (trail.S3BucketName) bucketTrails.set(trail.S3BucketName, [...(bucketTrails.get(trail.S3BucketName) ?? []), trail.Name]);
    }
    if (bucketTrails.size === 0 && missing.length === 0) {
      return [{ resource: ctx.account, region: 'global', status: 'fail', detail: 'no CloudTrail trail delivers to an S3 bucket, so there is no bucket to log' }];
    }
    const findings = judgeEach([...bucketTrails], ([name, trailNames]): Finding[] => {
      // The log bucket may belong to another account (an organization trail); its region is then unknown.
      const bucket = bucketNamed(ctx, name);
      const { outcome, region: where } = bucketCall<BucketLoggingOutput>(ctx, 'GetBucketLogging', bucket);
      const resource = bucket.arn;
      const of = `bucket of ${trailNames.join(', ')}`;
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
