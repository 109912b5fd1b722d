import type { Recommendation } from '../types.js';
import { bucketPolicyDenyHttp } from './3.1.1-bucket-policy-deny-http.js';
import { mfaDelete } from './3.1.2-mfa-delete.js';
import { s3DataDiscovery } from './3.1.3-s3-data-discovery.js';
import { blockPublicAccess } from './3.1.4-block-public-access.js';
import { rdsEncryptionAtRest } from './3.2.1-rds-encryption-at-rest.js';
import { rdsAutoMinorVersionUpgrade } from './3.2.2-rds-auto-minor-version-upgrade.js';
import { rdsNotPubliclyAccessible } from './3.2.3-rds-not-publicly-accessible.js';
import { rdsMultiAz } from './3.2.4-rds-multi-az.js';
import { efsEncryption } from './3.3.1-efs-encryption.js';

export const STORAGE: Recommendation[] = [
  bucketPolicyDenyHttp,
  mfaDelete,
  s3DataDiscovery,
  blockPublicAccess,
  rdsEncryptionAtRest,
  rdsAutoMinorVersionUpgrade,
  rdsNotPubliclyAccessible,
  rdsMultiAz,
  efsEncryption,
];
