import { MissingInput, describeCall, judgeEach, missingFinding, type CallOutcome, type CheckContext } from '../context.js';
import { attempt } from '../requirements.js';
import type { Finding, Recommendation } from '../types.js';
import { BUCKET_LIST_READS, bucketCall, listBuckets } from './buckets.js';

const SETTINGS = ['BlockPublicAcls', 'IgnorePublicAcls', 'BlockPublicPolicy', 'RestrictPublicBuckets'] as const;
type Setting = (typeof SETTINGS)[number];
type BlockConfiguration = Partial<Record<Setting, boolean>>;

interface PublicAccessBlockOutput {
  PublicAccessBlockConfiguration?: BlockConfiguration;
}

const NOT_CONFIGURED = 'NoSuchPublicAccessBlockConfiguration';

/** The settings that are on, or undefined when the call failed for another reason than "not configured". */
function settingsOn(outcome: CallOutcome<PublicAccessBlockOutput>): Set<Setting> | undefined {
  if (!outcome.ok) return outcome.error.code === NOT_CONFIGURED ? new Set() : undefined;
  const config = outcome.output.PublicAccessBlockConfiguration ?? {};
  return new Set(SETTINGS.filter((s) => config[s] === true));
}

const missingOf = (on: Set<Setting>) => SETTINGS.filter((s) => !on.has(s));

/** The account-level settings that are on, or why they are unknown (the call failed or was not collected). */
function accountSettings(ctx: CheckContext): { on: Set<Setting>; problem?: undefined } | { on?: undefined; problem: string } {
  const params = { AccountId: ctx.account };
  const outcome = attempt(() => ctx.outcome<PublicAccessBlockOutput>('s3control', 'GetPublicAccessBlock', { params }));
  if (outcome instanceof MissingInput) return { problem: outcome.message };
  const on = settingsOn(outcome);
  return on ? { on } : { problem: `${describeCall('s3control', 'GetPublicAccessBlock', params)} failed: ${outcome.ok ? '' : outcome.error.code}` };
}

export const blockPublicAccess: Recommendation = {
  id: '3.1.4',
  section: '3',
  subsection: '3.1',
  title: "Ensure that S3 is configured with 'Block Public Access' enabled",
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'A single public ACL or an over-broad bucket policy is enough to publish a bucket to the whole internet, and exposed buckets are found by scanners within hours. Block Public Access overrides such grants: with all four settings on, new public ACLs and policies are refused and existing ones are ignored. Set at account level it protects every bucket, including ones created later.',
    verifyConsole: [
      'Open S3 and choose Block Public Access settings for this account: all four settings should be On.',
      'If the account setting is not fully on, open each bucket\'s Permissions tab: Block public access (bucket settings) must show all four settings On.',
    ],
    verifyCli: [
      'aws s3control get-public-access-block --account-id <account-id>',
      'All four members of PublicAccessBlockConfiguration (BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets) should be true.',
      'Otherwise, for each bucket: aws s3api get-public-access-block --bucket <bucket>, and check the same four members. NoSuchPublicAccessBlockConfiguration means nothing is blocked at that level.',
    ],
    remediation: [
      'Confirm no workload relies on public buckets (static sites are better served through CloudFront with origin access control).',
      'Account level: aws s3control put-public-access-block --account-id <account-id> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
      'Or per bucket: aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    ],
  },
  reads: [
    { service: 's3control', operation: 'GetPublicAccessBlock', scope: 'global', per: 'AccountId' },
    ...BUCKET_LIST_READS,
    { service: 's3api', operation: 'GetPublicAccessBlock', scope: 'regional', per: 'Bucket' },
  ],
  risk: { likelihood: 2, impact: 4, mitigation: 'reduction', mitigationWhy: 'An account-wide guard stops accidental exposure regardless of individual bucket policies.' },
  evaluate(ctx) {
    const accountResource = ctx.account;
    const account = accountSettings(ctx);
    if (account.on && missingOf(account.on).length === 0) {
      return [{ resource: accountResource, region: 'global', status: 'pass', detail: 'all four Block Public Access settings are on for the account, covering every bucket' }];
    }

    // Not fully blocked at account level, or unknown there: each bucket must make up the rest with its
    // own settings. A bucket that blocks all four passes whatever the account sets.
    const buckets = attempt(() => listBuckets(ctx));
    if (buckets instanceof MissingInput) {
      return [
        ...(account.on ? [] : [{ resource: accountResource, region: 'global', status: 'error' as const, detail: `input missing — ${account.problem}` }]),
        { ...missingFinding(buckets), resource: accountResource },
      ];
    }
    const accountGaps = account.on ? missingOf(account.on) : undefined;
    const bucketFindings = judgeEach(buckets, (bucket): Finding[] => {
      const { outcome, region } = bucketCall<PublicAccessBlockOutput>(ctx, 'GetPublicAccessBlock', bucket);
      const bucketOn = settingsOn(outcome);
      if (!bucketOn) {
        return [{ resource: bucket.arn, region, status: 'error', detail: `s3api GetPublicAccessBlock {"Bucket":"${bucket.name}"} failed: ${outcome.ok ? '' : outcome.error.code}` }];
      }
      if (!accountGaps) {
        const bucketGaps = missingOf(bucketOn);
        if (bucketGaps.length === 0) return [{ resource: bucket.arn, region, status: 'pass', detail: 'the bucket\'s own settings block public access on all four, whatever the account sets' }];
        return [{ resource: bucket.arn, region, status: 'error', detail: `the bucket leaves ${bucketGaps.join(', ')} off, and whether the account sets ${bucketGaps.length === 1 ? 'it' : 'them'} is unknown: ${account.problem}` }];
      }
      const effectiveGaps = accountGaps.filter((s) => !bucketOn.has(s));
      if (effectiveGaps.length === 0) {
        return [{ resource: bucket.arn, region, status: 'pass', detail: 'the bucket\'s own settings block public access where the account setting does not' }];
      }
      const where = outcome.ok ? 'neither the bucket nor the account sets' : 'the bucket has no Block Public Access configuration and the account does not set';
      return [{ resource: bucket.arn, region, status: 'fail', detail: `${where} ${effectiveGaps.join(', ')}` }];
    }, (bucket) => bucket.arn);
    const accountDetail = !accountGaps
      ? `the account-level setting is unknown (${account.problem})`
      : accountGaps.length === SETTINGS.length
        ? 'Block Public Access is not configured at account level'
        : `at account level ${accountGaps.join(', ')} ${accountGaps.length === 1 ? 'is' : 'are'} off`;
    const summary: Finding = bucketFindings.some((f) => f.status === 'fail')
      ? { resource: accountResource, region: 'global', status: 'fail', detail: `${accountDetail}, and some buckets do not make up for it` }
      : bucketFindings.some((f) => f.status === 'error')
        ? { resource: accountResource, region: 'global', status: 'error', detail: `${accountDetail}; some buckets' settings could not be read or depend on it` }
        : {
            resource: accountResource,
            region: 'global',
            status: 'pass',
            detail: buckets.length === 0 ? `${accountDetail}; the account has no buckets yet` : `${accountDetail}; every bucket blocks public access itself`,
          };
    return [
      summary,
      ...bucketFindings,
    ];
  },
};
