import { MissingInput, describeCall, type CallOutcome, type CheckContext } from '../context.js';
import type { ApiRead } from '../types.js';

/** A bucket of the account, as `aws s3api list-buckets` names it. */
export interface Bucket {
  name: string;
  arn: string;
  /** Where the bucket lives, when the snapshot says so (ListBuckets BucketRegion or GetBucketLocation). */
  region?: string;
}

interface ListBucketsOutput {
  Buckets?: { Name: string; CreationDate?: string; BucketRegion?: string }[];
}

interface BucketLocationOutput {
  LocationConstraint?: string | null;
}

/** The calls behind `listBuckets` and `bucketNamed`, for a check's `reads`. */
export const BUCKET_LIST_READS: ApiRead[] = [
  { service: 's3api', operation: 'ListBuckets', scope: 'global' },
  { service: 's3api', operation: 'GetBucketLocation', scope: 'global', per: 'Bucket' },
];

export function bucketArn(ctx: CheckContext, name: string): string {
  return `arn:${ctx.partition}:s3:::${name}`;
}

/** GetBucketLocation reports us-east-1 as an empty constraint and the oldest Irish buckets as `EU`. */
function regionFromLocation(location: BucketLocationOutput): string {
  const constraint = location.LocationConstraint;
  if (!constraint) return 'us-east-1';
  return constraint === 'EU' ? 'eu-west-1' : constraint;
}

/** Where a bucket lives: ListBuckets' BucketRegion when given, else the recorded GetBucketLocation. */
function regionOf(ctx: CheckContext, name: string, bucketRegion: string | undefined): string | undefined {
  if (bucketRegion) return bucketRegion;
  const location = ctx.optional<BucketLocationOutput>('s3api', 'GetBucketLocation', { params: { Bucket: name } });
  return location ? regionFromLocation(location) : undefined;
}

/** Every bucket of the account; throws MissingInput when s3api ListBuckets is missing or denied. */
export function listBuckets(ctx: CheckContext): Bucket[] {
  const output = ctx.output<ListBucketsOutput>('s3api', 'ListBuckets');
  return (output.Buckets ?? []).map((b) => {
    const region = regionOf(ctx, b.Name, b.BucketRegion);
    return { name: b.Name, arn: bucketArn(ctx, b.Name), ...(region ? { region } : {}) };
  });
}

/**
 * A bucket known only by name (a trail's log bucket, possibly in another account), with its
 * region when the snapshot tells it; ListBuckets is optional here.
 */
export function bucketNamed(ctx: CheckContext, name: string): Bucket {
  const listed = ctx.optional<ListBucketsOutput>('s3api', 'ListBuckets')?.Buckets?.find((b) => b.Name === name);
  const region = regionOf(ctx, name, listed?.BucketRegion);
  return { name, arn: bucketArn(ctx, name), ...(region ? { region } : {}) };
}

/** A per-bucket s3api call's result and the region it speaks for. */
export interface BucketCall<T> {
  outcome: CallOutcome<T>;
  region: string;
}

/**
 * The result of a per-bucket s3api call (`{ Bucket }`). Such calls are recorded in the bucket's
 * region; when that region is unknown, or the call was recorded elsewhere, any recording is used.
 * The region a call was sent to proves nothing about the bucket (S3 redirects), so a bucket whose
 * region the snapshot does not show speaks for `global`. Throws MissingInput when the call was not
 * recorded at all.
 */
export function bucketCall<T>(ctx: CheckContext, operation: string, bucket: Pick<Bucket, 'name' | 'region'>): BucketCall<T> {
  const params = { Bucket: bucket.name };
  const call =
    (bucket.region ? ctx.snapshot.find('s3api', operation, bucket.region, params) : undefined) ??
    ctx.snapshot.find('s3api', operation, undefined, params);
  if (!call) throw new MissingInput(describeCall('s3api', operation, params), bucket.region ?? 'global');
  const outcome: CallOutcome<T> = call.error ? { ok: false, error: call.error } : { ok: true, output: call.output as T };
  return { outcome, region: bucket.region ?? 'global' };
}
