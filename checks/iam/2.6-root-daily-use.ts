import { MissingInput } from '../context.js';
import type { Recommendation } from '../types.js';
import { reportTime } from './credential-report.js';
import { day, missingFor, rootArn, wholeDays } from './iam-data.js';
import { rootReportRow } from './root-user.js';

export const rootDailyUse: Recommendation = {
  id: '2.6',
  section: '2',
  title: "Eliminate use of the 'root' user for administrative and daily tasks",
  level: 1,
  assessment: 'manual',
  guidance: {
    protects:
      'Every root sign-in exposes credentials that no policy can restrict, and mistakes made as root cannot be contained by permissions. Using named IAM roles or users for daily work keeps actions attributable and limited. Root should be reserved for the few tasks only it can perform.',
    verifyConsole: [
      'In IAM, download the credential report.',
      'On the <root_account> row read password_last_used, access_key_1_last_used_date and access_key_2_last_used_date.',
      'Compare each recent use with the tasks that require root (change of support plan, account closure, some billing settings): any other use is daily use.',
    ],
    verifyCli: [
      'aws iam generate-credential-report, then aws iam get-credential-report --query Content --output text | base64 -d',
      'Read the same three columns of the <root_account> row; CloudTrail events with userIdentity.type Root show what was done.',
    ],
    remediation: [
      'Give the people who used root their own role or IAM identity with the rights they need.',
      'Change the root password, delete any root access keys and keep the credentials and MFA device with a named custodian.',
      'Alert on root use (see 5.3) so that each use is explained.',
    ],
  },
  reads: [{ service: 'iam', operation: 'GetCredentialReport', scope: 'global' }],
  risk: {
    likelihood: 2,
    impact: 4,
    mitigation: 'avoidance',
    mitigationWhy: 'Moving daily work off root removes the most dangerous credentials from routine exposure.',
  },
  evaluate(ctx) {
    const resource = rootArn(ctx);
    const row = rootReportRow(ctx);
    if (row instanceof MissingInput) return [missingFor(resource, row)];
    const lastUse = (label: string, value: string) => {
      const at = reportTime(value);
      return at ? `${label} ${day(at)} (${wholeDays(at, ctx.now)} days before collection)` : `${label} ${value || 'N/A'}`;
    };
    return [
      {
        resource,
        region: 'global',
        status: 'manual',
        detail: [
          lastUse('password last used', row.password_last_used),
          lastUse('access key 1 last used', row.access_key_1_last_used_date),
          lastUse('access key 2 last used', row.access_key_2_last_used_date),
        ].join('; ') + ' — confirm each use was a task that needs root',
      },
    ];
  },
};
