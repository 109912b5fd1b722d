import type { Recommendation } from '../types.js';
import { dbLabel, judgeDbInstances } from './rds.js';

export const rdsEncryptionAtRest: Recommendation = {
  id: '3.2.1',
  section: '3',
  subsection: '3.2',
  title: 'Ensure that encryption-at-rest is enabled for RDS instances',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'An unencrypted database leaves its data readable in its storage volumes, automated backups, snapshots and read replicas. Anyone who obtains a snapshot (a wrongly shared one, or a copy made with stolen credentials) can restore it and read every row. With encryption at rest, that data is only usable by principals the KMS key allows.',
    verifyConsole: [
      'Open RDS → Databases in each region in scope and select each DB instance.',
      'On the Configuration tab, under Storage, Encryption must read Enabled (and show the KMS key).',
    ],
    verifyCli: [
      'For each region: aws rds describe-db-instances --region <region> --query "DBInstances[].[DBInstanceIdentifier,StorageEncrypted]"',
      'Every instance must show StorageEncrypted true.',
    ],
    remediation: [
      'An existing instance cannot be encrypted in place: take a snapshot of it (aws rds create-db-snapshot --db-instance-identifier <id> --db-snapshot-identifier <id>-plain).',
      'Copy the snapshot with encryption on, naming a KMS key (aws rds copy-db-snapshot --source-db-snapshot-identifier <id>-plain --target-db-snapshot-identifier <id>-encrypted --kms-key-id <key>).',
      'Restore a new instance from the encrypted copy (aws rds restore-db-instance-from-db-snapshot --db-snapshot-identifier <id>-encrypted --db-instance-identifier <new-id>), point the application at its endpoint, then delete the unencrypted instance.',
      'Create new instances with --storage-encrypted so the problem does not recur.',
    ],
  },
  reads: [{ service: 'rds', operation: 'DescribeDBInstances', scope: 'regional' }],
  risk: { likelihood: 2, impact: 4, mitigation: 'reduction', mitigationWhy: 'Encryption keeps copies and snapshots useless to anyone the key policy does not admit.' },
  evaluate(ctx) {
    return judgeDbInstances(ctx, (db, region, arn) =>
      db.StorageEncrypted === true
        ? { resource: arn, region, status: 'pass', detail: `${dbLabel(db)} storage is encrypted${db.KmsKeyId ? ` with ${db.KmsKeyId}` : ''}` }
        : { resource: arn, region, status: 'fail', detail: `${dbLabel(db)} storage is not encrypted (StorageEncrypted ${String(db.StorageEncrypted ?? 'absent')})` },
    );
  },
};
