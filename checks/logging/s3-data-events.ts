import { MissingInput, type CheckContext } from '../context.js';
import { attempt, judgeAll, type Judgement, type Requirement } from '../requirements.js';
import { listBuckets, type Bucket } from '../storage/buckets.js';
import type { Finding } from '../types.js';
import {
  isLogging,
  listTrails,
  multiRegionTrailsMissing,
  s3DataEventCoverage,
  trailEventSelectors,
  trailStatus,
  unreadableTrailFinding,
  type DataAccess,
  type S3DataRule,
  type Trail,
} from './trails.js';

/**
 * Shared by 4.8 (write) and 4.9 (read): S3 object-level events of that kind must be recorded by a
 * multi-region trail that is logging, for all buckets (or at least every bucket that exists now).
 * Status and selectors are separate requirements: either one proven short rules a trail out.
 */
export function judgeS3ObjectLogging(ctx: CheckContext, access: DataAccess): Finding[] {
  const inventory = listTrails(ctx);
  const multiRegion = inventory.trails.filter((t) => t.IsMultiRegionTrail === true);
  const singleRegion = inventory.trails.filter((t) => t.IsMultiRegionTrail !== true);
  const kind = `${access} data events`;
  const rules = (trail: Trail) => s3DataEventCoverage(trailEventSelectors(ctx, trail), access).rules;
  const records = (trail: Trail, reaches: (rule: S3DataRule) => boolean): Requirement => () => (rules(trail).some(reaches) ? undefined : `records no S3 object-level ${kind} here`);
  const judge = (reaches: (rule: S3DataRule) => boolean) => multiRegion.map((trail) => ({ trail, judgement: judgeAll([isLogging(ctx, trail), records(trail, reaches)]) }));

  const allBuckets = judge((r) => r.allBuckets);
  const passing = allBuckets.filter((t) => t.judgement.kind === 'met');
  if (passing.length > 0) {
    return passing.map(({ trail }): Finding => ({
      resource: trail.TrailARN,
      region: trail.HomeRegion,
      status: 'pass',
      detail: `${trail.Name} (multi-region, logging) records S3 object-level ${kind} for all current and future buckets (${rules(trail)
        .filter((r) => r.allBuckets)
        .map((r) => r.description)
        .join('; ')})`,
    }));
  }

  // Trails that might record some bucket's events: only their missing input can change a verdict.
  const anyBucket = judge(() => true);
  const unresolved = [...multiRegionTrailsMissing(inventory), ...anyBucket.flatMap(({ trail, judgement }) => unresolvedFindings(trail, judgement))];
  const noteText = shortfallNotes(ctx, access, multiRegion, singleRegion);
  let buckets: Bucket[];
  try {
    buckets = listBuckets(ctx);
  } catch (err) {
    // Without the bucket list, the failure is proven only when no trail could record any bucket.
    if (!(err instanceof MissingInput) || anyBucket.some(({ judgement }) => judgement.kind !== 'unmet') || unresolved.length > 0) throw err;
    buckets = [];
  }
  if (buckets.length === 0) {
    if (unresolved.length > 0) return unresolved;
    return [{ resource: ctx.account, region: 'global', status: 'fail', detail: `no multi-region trail that is logging records S3 object-level ${kind}${noteText}` }];
  }
  const findings = buckets.map((bucket): Finding => {
    const region = bucket.region ?? 'global';
    const judged = judge((r) => r.covers(bucket.name));
    const covering = judged.filter(({ judgement }) => judgement.kind === 'met').map(({ trail }) => trail.Name);
    if (covering.length > 0) {
      return { resource: bucket.arn, region, status: 'pass', detail: `${kind} for this bucket are recorded by ${covering.join(', ')}, which names it explicitly; new buckets are not covered automatically` };
    }
    const uncovered = `no multi-region trail that is logging records S3 object-level ${kind} for this bucket${noteText}`;
    // A trail that cannot be read could still cover the bucket: unproven rather than failed.
    if (judged.some(({ judgement }) => judgement.kind === 'unknown') || multiRegionTrailsMissing(inventory).length > 0) return { resource: bucket.arn, region, status: 'error', detail: uncovered };
    const elsewhere = judged.filter(({ judgement }) => judgement.kind === 'elsewhere').map(({ trail }) => trail.Name);
    if (elsewhere.length > 0) return { resource: bucket.arn, region, status: 'manual', detail: `${uncovered}; ${elsewhere.join(', ')} of another account may, see its selectors there` };
    return { resource: bucket.arn, region, status: 'fail', detail: uncovered };
  });
  return [...findings, ...unresolved];
}

function unresolvedFindings(trail: Trail, judgement: Judgement): Finding[] {
  if (judgement.kind === 'unknown') return judgement.missing.map((err) => unreadableTrailFinding(trail, err));
  if (judgement.kind === 'elsewhere') return judgement.held.map((held) => unreadableTrailFinding(trail, held));
  return [];
}

/** Why the trails we can read fall short, for the auditor; what cannot be read is reported elsewhere. */
function shortfallNotes(ctx: CheckContext, access: DataAccess, multiRegion: Trail[], singleRegion: Trail[]): string {
  const other: DataAccess = access === 'read' ? 'write' : 'read';
  const notLogging: string[] = [];
  const selectorNotes: string[] = [];
  for (const trail of multiRegion) {
    const status = attempt(() => trailStatus(ctx, trail));
    if (status instanceof MissingInput) continue;
    if (status.IsLogging !== true) {
      notLogging.push(`${trail.Name} is not logging`);
      continue;
    }
    const selectors = attempt(() => trailEventSelectors(ctx, trail));
    if (selectors instanceof MissingInput) continue;
    const coverage = s3DataEventCoverage(selectors, access);
    selectorNotes.push(...coverage.partial.map((p) => `${trail.Name}: ${p}`));
    if (coverage.rules.length === 0 && s3DataEventCoverage(selectors, other).rules.length > 0) selectorNotes.push(`${trail.Name} records S3 ${other} data events only`);
  }
  const notes = [...notLogging, ...singleRegion.map((t) => `${t.Name} is single-region and does not count`), ...selectorNotes];
  return notes.length > 0 ? ` (${notes.join('; ')})` : '';
}
