import { MissingInput } from '../context.js';
import type { Recommendation } from '../types.js';
import { attempt } from '../requirements.js';
import { rootArn } from './iam-data.js';
import { rootSignIn } from './root-user.js';

interface ListVirtualMFADevicesOutput {
  VirtualMFADevices?: { SerialNumber: string; User?: { Arn?: string; UserName?: string }; EnableDate?: string }[];
}

export const rootHardwareMfa: Recommendation = {
  id: '2.5',
  section: '2',
  title: "Ensure hardware MFA is enabled for the 'root' user account",
  level: 2,
  assessment: 'manual',
  guidance: {
    protects:
      'A virtual MFA app lives on a phone that can be lost, traded in, backed up to the cloud or compromised by malware. A dedicated hardware token or FIDO security key holds its secret on a device that does nothing else. For the most powerful identity in the account that smaller attack surface is worth the logistics.',
    verifyConsole: [
      'Sign in as root and open Security credentials from the account menu.',
      'Under Multi-factor authentication, the assigned device type must be a hardware TOTP token or a passkey/security key, not an authenticator app.',
    ],
    verifyCli: [
      'aws iam get-account-summary: AccountMFAEnabled must be 1 (or AccountPasswordPresent 0, when root credentials were removed centrally).',
      'aws iam list-virtual-mfa-devices: no device may be assigned to the root user (User.Arn ending in :root, or the serial arn:aws:iam::ACCOUNT:mfa/root-account-mfa-device).',
      'A FIDO key does not show in the CLI output: confirm the device type in the console.',
    ],
    remediation: [
      'Buy a supported hardware TOTP token or FIDO2 security key and keep it in a safe place with a named custodian.',
      'Sign in as root, open Security credentials, assign the hardware device, then remove the virtual device.',
      'Register a second hardware device as a backup, stored separately.',
    ],
  },
  reads: [
    { service: 'iam', operation: 'GetAccountSummary', scope: 'global' },
    { service: 'iam', operation: 'ListVirtualMFADevices', scope: 'global' },
    { service: 'iam', operation: 'GetCredentialReport', scope: 'global' },
  ],
  risk: {
    likelihood: 3,
    impact: 4,
    mitigation: 'reduction',
    mitigationWhy: 'A hardware second factor removes the phone from the attack path to root.',
  },
  evaluate(ctx) {
    const resource = rootArn(ctx);
    const state = rootSignIn(ctx);
    if (state.kind === 'password-without-mfa') {
      return [{ resource, region: 'global', status: 'fail', detail: `the root user has a password and no MFA device at all (${state.evidence})` }];
    }
    if (state.kind === 'no-password') {
      return [
        {
          resource,
          region: 'global',
          status: 'manual',
          detail: `the root user has no password (${state.evidence}), so no MFA device is possible or needed — confirm root credentials are managed centrally`,
        },
      ];
    }
    const devices = attempt(() => ctx.output<ListVirtualMFADevicesOutput>('iam', 'ListVirtualMFADevices').VirtualMFADevices ?? []);
    const rootSerial = `arn:${ctx.partition}:iam::${ctx.account}:mfa/root-account-mfa-device`;
    // Only an assigned device (one with a User) is root's MFA; the list also holds unassigned ones.
    const virtual = devices instanceof MissingInput ? undefined : devices.find((d) => d.User !== undefined && (d.User.Arn === resource || d.SerialNumber === rootSerial));
    // A virtual device assigned to root proves the failure, whatever the summary and report say.
    if (virtual) {
      return [{ resource, region: 'global', status: 'fail', detail: `the root user's MFA is a virtual device (${virtual.SerialNumber}), not hardware` }];
    }
    if (state.kind === 'unknown') return [{ resource, region: 'global', status: 'error', detail: state.detail }];
    if (devices instanceof MissingInput) throw devices;
    return [
      {
        resource,
        region: 'global',
        status: 'manual',
        detail: `root MFA is enabled and no virtual MFA device is assigned to root (${devices.length} virtual device(s) listed, none for root), so it is a hardware token or security key — confirm the device type and its custodian`,
      },
    ];
  },
};
