import type { Finding, Recommendation } from '../types.js';
import { TRAIL_READS, describeManagementCoverage, multiRegionTrailsWithManagementEvents, noTrailDetail, type TrailReview } from './trails.js';

function evidence(review: TrailReview): string {
  const { trail, status, management } = review;
  const parts = [
    'multi-region trail',
    `logging${status.StartLoggingTime ? ` since ${status.StartLoggingTime}` : ''}`,
    `records ${describeManagementCoverage(management)} via ${management.via.join(', ')}`,
    trail.IncludeGlobalServiceEvents === false ? 'global service events NOT included' : 'global service events included',
  ];
  if (management.excludedSources.length > 0) parts.push(`excludes events from ${management.excludedSources.join(', ')}`);
  if (trail.IsOrganizationTrail) parts.push('organization trail');
  if (status.LatestDeliveryError) parts.push(`latest delivery error: ${status.LatestDeliveryError}`);
  return parts.join('; ');
}

export const cloudtrailAllRegions: Recommendation = {
  id: '4.1',
  section: '4',
  title: 'Ensure CloudTrail is enabled in all regions',
  level: 1,
  assessment: 'manual',
  guidance: {
    protects:
      'CloudTrail is the account\'s record of who called which API, when and from where; without it an incident cannot be reconstructed. A trail that covers every region also catches activity in regions the company never uses, a favourite place to hide crypto-mining or persistence. Recording both read and write management events shows reconnaissance as well as changes.',
    verifyConsole: [
      'Open CloudTrail → Trails: at least one trail must show Yes under Multi-region trail.',
      'Open that trail: Logging must be On.',
      'Under Management events, API activity must be All (both Read and Write).',
    ],
    verifyCli: [
      'aws cloudtrail describe-trails: find a trail with "IsMultiRegionTrail": true.',
      'aws cloudtrail get-trail-status --name <trail-arn>: "IsLogging" must be true.',
      'aws cloudtrail get-event-selectors --trail-name <trail-arn>: a classic selector with IncludeManagementEvents true and ReadWriteType All, or an advanced selector with eventCategory = Management and no readOnly field.',
    ],
    remediation: [
      'Create a multi-region trail (console trails are multi-region by default): aws cloudtrail create-trail --name <name> --s3-bucket-name <bucket> --is-multi-region-trail, then aws cloudtrail start-logging --name <name>.',
      'Or convert an existing trail: aws cloudtrail update-trail --name <name> --is-multi-region-trail.',
      'In the trail\'s Management events settings select both Read and Write (a trail created from the CLI records both by default).',
      'Manage the growth of the log bucket with S3 lifecycle rules rather than by narrowing what is recorded.',
    ],
  },
  reads: TRAIL_READS,
  risk: { likelihood: 2, impact: 4, mitigation: 'reduction', mitigationWhy: 'A complete audit trail shortens detection and makes investigation possible at modest cost.' },
  evaluate(ctx) {
    const survey = multiRegionTrailsWithManagementEvents(ctx);
    const notCounted = (status: Finding['status']) =>
      survey.shortfalls.map(({ trail, reasons }): Finding => ({ resource: trail.TrailARN, region: trail.HomeRegion, status, detail: `${trail.Name} does not count: it ${reasons.join(', ')}` }));
    if (survey.qualifying.length > 0) {
      return [
        ...survey.qualifying.map((review): Finding => ({ resource: review.trail.TrailARN, region: review.trail.HomeRegion, status: 'manual', detail: `${review.trail.Name}: ${evidence(review)}` })),
        ...survey.elsewhere,
        ...notCounted('manual'),
      ];
    }
    // Nothing qualifies from the data we have; missing input, or another account's trail, could still be the one that would.
    if (survey.missing.length > 0 || survey.elsewhere.length > 0) return [...survey.missing, ...survey.elsewhere, ...notCounted('manual')];
    if (survey.shortfalls.length === 0) return [{ resource: ctx.account, region: 'global', status: 'fail', detail: noTrailDetail(ctx, survey.inventory) }];
    return [
      { resource: ctx.account, region: 'global', status: 'fail', detail: 'no multi-region trail is logging with read and write management events' },
      ...notCounted('fail'),
    ];
  },
};
