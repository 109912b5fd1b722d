import type { Recommendation } from '../types.js';
import { cloudtrailAllRegions } from './4.1-cloudtrail-all-regions.js';
import { logFileValidation } from './4.2-log-file-validation.js';
import { configAllRegions } from './4.3-config-all-regions.js';
import { cloudtrailBucketAccessLogging } from './4.4-cloudtrail-bucket-access-logging.js';
import { cloudtrailKmsEncryption } from './4.5-cloudtrail-kms-encryption.js';
import { kmsKeyRotation } from './4.6-kms-key-rotation.js';
import { vpcFlowLogs } from './4.7-vpc-flow-logs.js';
import { s3ObjectWriteLogging } from './4.8-s3-object-write-logging.js';
import { s3ObjectReadLogging } from './4.9-s3-object-read-logging.js';

export const LOGGING: Recommendation[] = [
  cloudtrailAllRegions,
  logFileValidation,
  configAllRegions,
  cloudtrailBucketAccessLogging,
  cloudtrailKmsEncryption,
  kmsKeyRotation,
  vpcFlowLogs,
  s3ObjectWriteLogging,
  s3ObjectReadLogging,
];
