import type { CheckContext } from '../context.js';
import { listBuckets } from '../storage/buckets.js';
import type { Finding } from '../types.js';
import { reviewMultiRegionTrails, s3DataEventCoverage, type DataAccess, type S3DataRule, type TrailReview } from './trails.js';

interface TrailRules {
  review: TrailReview;
  rules: S3DataRule[];
}

/**
 * Shared by 4.8 (write) and 4.9 (read): S3 object-level events of that kind must be recorded by a
 * multi-region trail that is logging, for all buckets (or at least every bucket that exists now).
 */
export function judgeS3ObjectLogging(ctx: CheckContext, access: DataAccess): Finding[] {
  const { reviews, singleRegion, missing } = reviewMultiRegionTrails(ctx);
  const logging = reviews.filter((r) => r.status.IsLogging === true);
  const withRules: TrailRules[] = logging.map((review) => ({ review, rules: s3DataEventCoverage(review.selectors, access).rules }));
  const kind = `${access} data events`;

  const allBuckets = withRules.filter((t) => t.rules.some((r) => r.allBuckets));
  if (allBuckets.length > 0) {
    return allBuckets.map(({ review, rules }): Finding => ({
      resource: review.trail.TrailARN,
      region: review.trail.HomeRegion,
      status: 'pass',
      detail: `${review.trail.Name} (multi-region, logging) records S3 object-level ${kind} for all current and future buckets (${rules
        .filter((r) => r.allBuckets)
        .map((r) => r.description)
        .join('; ')})`,
    }));
  }

  // Why the trails we know of fall short, for the auditor.
  const notes: string[] = [
    ...reviews.filter((r) => r.status.IsLogging !== true).map((r) => `${r.trail.Name} is not logging`),
    ...singleRegion.map((t) => `${t.Name} is single-region and does not count`),
    ...logging.flatMap((r) => s3DataEventCoverage(r.selectors, access).partial.map((p) => `${r.trail.Name}: ${p}`)),
    ...withRules
      .filter((t) => t.rules.length === 0 && s3DataEventCoverage(t.review.selectors, access === 'read' ? 'write' : 'read').rules.length > 0)
      .map((t) => `${t.review.trail.Name} records S3 ${access === 'read' ? 'write' : 'read'} data events only`),
  ];
  const noteText = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  const buckets = listBuckets(ctx);
  if (buckets.length === 0) {
    if (missing.length > 0) return missing;
    return [{ resource: ctx.account, region: 'global', status: 'fail', detail: `no multi-region trail that is logging records S3 object-level ${kind}${noteText}` }];
  }
  const findings = buckets.map((bucket): Finding => {
    const region = bucket.region ?? 'global';
    const covering = withRules.filter((t) => t.rules.some((r) => r.covers(bucket.name))).map((t) => t.review.trail.Name);
    if (covering.length > 0) {
      return { resource: bucket.arn, region, status: 'pass', detail: `${kind} for this bucket are recorded by ${covering.join(', ')}, which names it explicitly; new buckets are not covered automatically` };
    }
    // With some trails unreadable, an uncovered bucket is unproven rather than failed.
    return { resource: bucket.arn, region, status: missing.length > 0 ? 'error' : 'fail', detail: `no multi-region trail that is logging records S3 object-level ${kind} for this bucket${noteText}` };
  });
  return [...findings, ...missing];
}
