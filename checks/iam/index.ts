import type { Recommendation } from '../types.js';
import { contactDetails } from './2.1-contact-details.js';
import { securityContact } from './2.2-security-contact.js';
import { rootAccessKeys } from './2.3-root-access-keys.js';
import { rootMfa } from './2.4-root-mfa.js';
import { rootHardwareMfa } from './2.5-root-hardware-mfa.js';
import { rootDailyUse } from './2.6-root-daily-use.js';
import { passwordMinLength } from './2.7-password-min-length.js';
import { passwordReuse } from './2.8-password-reuse.js';
import { consoleUsersMfa } from './2.9-console-users-mfa.js';
import { noKeysAtSetup } from './2.10-no-keys-at-setup.js';
import { unusedCredentials } from './2.11-unused-credentials.js';
import { oneActiveKey } from './2.12-one-active-key.js';
import { keyRotation } from './2.13-key-rotation.js';
import { permissionsViaGroups } from './2.14-permissions-via-groups.js';
import { noFullAdminPolicies } from './2.15-no-full-admin-policies.js';
import { supportRole } from './2.16-support-role.js';
import { instanceRoles } from './2.17-instance-roles.js';
import { expiredCertificates } from './2.18-expired-certificates.js';
import { accessAnalyzer } from './2.19-access-analyzer.js';
import { centralIdentity } from './2.20-central-identity.js';
import { cloudShellAccess } from './2.21-cloudshell-access.js';

/** Section 2, Identity and Access Management, in benchmark order. */
export const IAM: Recommendation[] = [
  contactDetails,
  securityContact,
  rootAccessKeys,
  rootMfa,
  rootHardwareMfa,
  rootDailyUse,
  passwordMinLength,
  passwordReuse,
  consoleUsersMfa,
  noKeysAtSetup,
  unusedCredentials,
  oneActiveKey,
  keyRotation,
  permissionsViaGroups,
  noFullAdminPolicies,
  supportRole,
  instanceRoles,
  expiredCertificates,
  accessAnalyzer,
  centralIdentity,
  cloudShellAccess,
];
