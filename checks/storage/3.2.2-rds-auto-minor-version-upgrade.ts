import type { Recommendation } from '../types.js';
import { dbLabel, judgeDbInstances } from './rds.js';

export const rdsAutoMinorVersionUpgrade: Recommendation = {
  id: '3.2.2',
  section: '3',
  subsection: '3.2',
  title: 'Ensure the Auto Minor Version Upgrade feature is enabled for RDS instances',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'Minor engine releases carry security fixes for the database software itself. When automatic minor upgrades are off, an instance keeps running a version with known vulnerabilities until someone remembers to patch it. With the flag on, RDS applies those releases in the instance\'s maintenance window.',
    verifyConsole: [
      'Open RDS → Databases in each region in scope and select each DB instance.',
      'On the Maintenance & backups tab, Auto minor version upgrade must read Enabled.',
    ],
    verifyCli: [
      'For each region: aws rds describe-db-instances --region <region> --query "DBInstances[].[DBInstanceIdentifier,AutoMinorVersionUpgrade]"',
      'Every instance must show AutoMinorVersionUpgrade true.',
    ],
    remediation: [
      'Console: Modify the instance, set Auto minor version upgrade to Yes, and choose to apply it in the next maintenance window.',
      'CLI: aws rds modify-db-instance --region <region> --db-instance-identifier <id> --auto-minor-version-upgrade (add --apply-immediately only if a restart now is acceptable).',
      'Check the maintenance window suits the workload.',
    ],
  },
  reads: [{ service: 'rds', operation: 'DescribeDBInstances', scope: 'regional' }],
  risk: { likelihood: 2, impact: 2, mitigation: 'reduction', mitigationWhy: 'Automatic patching narrows the window in which known engine flaws can be exploited.' },
  evaluate(ctx) {
    return judgeDbInstances(ctx, (db, region, arn) =>
      db.AutoMinorVersionUpgrade === true
        ? { resource: arn, region, status: 'pass', detail: `${dbLabel(db)} receives minor engine upgrades automatically` }
        : { resource: arn, region, status: 'fail', detail: `${dbLabel(db)} has automatic minor version upgrades turned off` },
    );
  },
};
