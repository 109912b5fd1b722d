import type { Recommendation } from '../types.js';
import { dbLabel, judgeDbInstances } from './rds.js';

export const rdsMultiAz: Recommendation = {
  id: '3.2.4',
  section: '3',
  subsection: '3.2',
  title: 'Ensure Multi-AZ deployments are used for enhanced availability in Amazon RDS',
  level: 1,
  assessment: 'manual',
  guidance: {
    protects:
      'A single-AZ database goes down with its Availability Zone, its host or its storage, and recovery means restoring from backup with some data loss. A Multi-AZ deployment keeps a synchronous standby in another zone and fails over to it automatically. Which databases need this depends on how critical they are, which is why an assessor judges it.',
    verifyConsole: [
      'Open RDS → Databases in each region in scope and select each DB instance.',
      'On the Configuration tab, under Availability, Multi-AZ must read Yes for the databases the business depends on.',
      'Aurora instances get their availability from the cluster: check that the cluster has a replica in another zone.',
    ],
    verifyCli: [
      'For each region: aws rds describe-db-instances --region <region> --query "DBInstances[].[DBInstanceIdentifier,MultiAZ,DBClusterIdentifier]"',
      'Production instances must show MultiAZ true; for Aurora, aws rds describe-db-clusters shows the cluster\'s MultiAZ.',
    ],
    remediation: [
      'Console: Modify the instance and under Availability & durability choose to create a standby instance.',
      'CLI: aws rds modify-db-instance --region <region> --db-instance-identifier <id> --multi-az (with or without --apply-immediately).',
      'For databases that do not need it (development, disposable data), record the decision as not applicable.',
    ],
  },
  reads: [{ service: 'rds', operation: 'DescribeDBInstances', scope: 'regional' }],
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'A standby in another zone turns an outage into a short failover.' },
  evaluate(ctx) {
    return judgeDbInstances(
      ctx,
      (db, region, arn) => {
        if (db.MultiAZ === true) return { resource: arn, region, status: 'manual', detail: `${dbLabel(db)} is a Multi-AZ deployment (MultiAZ true)` };
        if (db.DBClusterIdentifier) {
          return { resource: arn, region, status: 'manual', detail: `${dbLabel(db)} belongs to cluster ${db.DBClusterIdentifier}, whose replicas give its availability; check the cluster spans zones` };
        }
        // Multi-AZ is asked of production databases; which ones those are is the assessor's call.
        return {
          resource: arn,
          region,
          status: 'manual',
          detail: `${dbLabel(db)} runs in a single Availability Zone (MultiAZ ${String(db.MultiAZ ?? 'absent')}); if it is a production database this fails, otherwise mark it not applicable`,
        };
      },
      'manual',
    );
  },
};
