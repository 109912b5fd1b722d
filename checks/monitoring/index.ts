import type { Recommendation } from '../types.js';
import { unauthorizedApiCallsMonitored } from './5.1-unauthorized-api-calls.js';
import { consoleSigninWithoutMfaMonitored } from './5.2-console-signin-without-mfa.js';
import { rootUsageMonitored } from './5.3-root-usage.js';
import { iamPolicyChangesMonitored } from './5.4-iam-policy-changes.js';
import { cloudTrailConfigChangesMonitored } from './5.5-cloudtrail-config-changes.js';
import { consoleAuthFailuresMonitored } from './5.6-console-auth-failures.js';
import { cmkDisableOrDeletionMonitored } from './5.7-cmk-disable-deletion.js';
import { s3BucketPolicyChangesMonitored } from './5.8-s3-bucket-policy-changes.js';
import { configChangesMonitored } from './5.9-config-changes.js';
import { securityGroupChangesMonitored } from './5.10-security-group-changes.js';
import { naclChangesMonitored } from './5.11-nacl-changes.js';
import { networkGatewayChangesMonitored } from './5.12-network-gateway-changes.js';
import { routeTableChangesMonitored } from './5.13-route-table-changes.js';
import { vpcChangesMonitored } from './5.14-vpc-changes.js';
import { organizationsChangesMonitored } from './5.15-organizations-changes.js';
import { securityHubEnabled } from './5.16-security-hub-enabled.js';

export const MONITORING: Recommendation[] = [
  unauthorizedApiCallsMonitored,
  consoleSigninWithoutMfaMonitored,
  rootUsageMonitored,
  iamPolicyChangesMonitored,
  cloudTrailConfigChangesMonitored,
  consoleAuthFailuresMonitored,
  cmkDisableOrDeletionMonitored,
  s3BucketPolicyChangesMonitored,
  configChangesMonitored,
  securityGroupChangesMonitored,
  naclChangesMonitored,
  networkGatewayChangesMonitored,
  routeTableChangesMonitored,
  vpcChangesMonitored,
  organizationsChangesMonitored,
  securityHubEnabled,
];
