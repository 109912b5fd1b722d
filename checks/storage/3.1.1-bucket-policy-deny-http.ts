import { judgeEach } from '../context.js';
import type { Finding, Recommendation } from '../types.js';
import { hasAllowOnlyHttps, parsePolicyDocument, reviewHttpDenials, type HttpDenial } from './bucket-policy.js';
import { BUCKET_LIST_READS, bucketCall, listBuckets } from './buckets.js';

interface BucketPolicyOutput {
  Policy?: unknown;
}

export const bucketPolicyDenyHttp: Recommendation = {
  id: '3.1.1',
  section: '3',
  subsection: '3.1',
  title: 'Ensure S3 Bucket Policy is set to deny HTTP requests',
  level: 2,
  assessment: 'automated',
  guidance: {
    protects:
      'S3 answers plain HTTP as readily as HTTPS, so a misconfigured client or library can send objects and signed requests across the network unencrypted. A bucket policy that refuses any request arriving without TLS closes that path for every caller at once. A policy that only allows HTTPS is not enough, because other statements or ACLs may still grant access over HTTP.',
    verifyConsole: [
      'Open S3, choose each bucket in turn and open the Permissions tab.',
      'Under Bucket policy, look for a Deny statement for Principal "*" and Action "s3:*" on arn:aws:s3:::<bucket>/* (and optionally the bucket itself).',
      'Its condition must be Bool aws:SecureTransport "false", or NumericLessThan s3:TlsVersion set to the minimum TLS version your organisation requires.',
      'A bucket with no policy at all accepts HTTP.',
    ],
    verifyCli: [
      'aws s3api list-buckets --query "Buckets[].Name"',
      'For each bucket: aws s3api get-bucket-policy --bucket <bucket> --query Policy --output text',
      'In the printed document, find a statement with "Effect": "Deny", "Principal": "*", "Action": "s3:*", resources covering <bucket>/*, and the aws:SecureTransport false (or s3:TlsVersion) condition.',
      'A NoSuchBucketPolicy error means the bucket has no policy, so HTTP is accepted.',
    ],
    remediation: [
      'Fetch the current policy (aws s3api get-bucket-policy --bucket <bucket> --query Policy --output text > policy.json), or start a new document if there is none.',
      'Add a statement: Effect Deny, Principal "*", Action "s3:*", Resource ["arn:aws:s3:::<bucket>", "arn:aws:s3:::<bucket>/*"], Condition {"Bool": {"aws:SecureTransport": "false"}}.',
      'Apply it with aws s3api put-bucket-policy --bucket <bucket> --policy file://policy.json, then repeat for the other buckets.',
      'Check first that no client still writes over HTTP; such clients will start receiving Access Denied.',
    ],
  },
  reads: [
    ...BUCKET_LIST_READS,
    { service: 's3api', operation: 'GetBucketPolicy', scope: 'regional', per: 'Bucket' },
  ],
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'One policy statement per bucket removes the unencrypted path without changing how clients use the bucket.' },
  evaluate(ctx) {
    const buckets = listBuckets(ctx);
    if (buckets.length === 0) return [{ resource: ctx.account, region: 'global', status: 'pass', detail: 'the account has no S3 buckets' }];
    return judgeEach(buckets, (bucket): Finding[] => {
      const { outcome, region } = bucketCall<BucketPolicyOutput>(ctx, 'GetBucketPolicy', bucket);
      const finding = (status: Finding['status'], detail: string): Finding[] => [{ resource: bucket.arn, region, status, detail }];
      if (!outcome.ok) {
        if (outcome.error.code === 'NoSuchBucketPolicy') return finding('fail', 'the bucket has no bucket policy, so requests over plain HTTP are accepted');
        return finding('error', `s3api GetBucketPolicy {"Bucket":"${bucket.name}"} failed: ${outcome.error.code}`);
      }
      const parsed = parsePolicyDocument(outcome.output.Policy);
      if (!parsed.ok) return finding('error', `the bucket policy could not be read: ${parsed.problem}`);
      const review = reviewHttpDenials(parsed.statements, bucket.arn);
      const secure = review.denials.find((d) => d.kind === 'secure-transport');
      if (secure) return finding('pass', `the policy denies every S3 action over HTTP (Deny on aws:SecureTransport false${secure.sid ? `, statement "${secure.sid}"` : ''})`);
      const tls = review.denials.find((d): d is Extract<HttpDenial, { kind: 'tls-version' }> => d.kind === 'tls-version');
      if (tls) {
        return finding(
          'pass',
          `the policy denies requests with s3:TlsVersion below ${tls.belowVersion}, a form the benchmark accepts; a request without TLS carries no TLS version, so an aws:SecureTransport deny is still advisable`,
        );
      }
      const reasons = [
        ...review.narrower,
        ...(hasAllowOnlyHttps(parsed.statements) ? ['an Allow conditioned on aws:SecureTransport true permits HTTPS but does not refuse HTTP'] : []),
      ];
      return finding('fail', `no statement denies HTTP requests for the whole bucket${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}`);
    }, (bucket) => bucket.arn);
  },
};
