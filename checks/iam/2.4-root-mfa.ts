import type { Recommendation } from '../types.js';
import { rootArn } from './iam-data.js';
import { rootSignIn } from './root-user.js';

export const rootMfa: Recommendation = {
  id: '2.4',
  section: '2',
  title: "Ensure MFA is enabled for the 'root' user account",
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'The root user can do anything in the account, including closing it or locking everyone else out. With only a password, a phished or reused password is enough to take it over. A second factor means a stolen password alone no longer opens the account.',
    verifyConsole: [
      'In IAM, download the credential report and read the <root_account> row: mfa_active must be true.',
      'Where root credentials were removed centrally (AWS Organizations root access management), root has no password and needs no MFA: the IAM dashboard shows root credentials as absent.',
    ],
    verifyCli: [
      'aws iam get-account-summary --query "SummaryMap.[AccountMFAEnabled, AccountPasswordPresent]"',
      'Compliant when AccountMFAEnabled is 1, or when AccountPasswordPresent is 0 (root cannot sign in).',
    ],
    remediation: [
      'Sign in as root, open Security credentials from the account menu and assign an MFA device (a hardware key or token is preferred; see 2.5).',
      'For a virtual device use a dedicated company phone or tablet, not a personal one, and record where it is kept.',
      'In an AWS Organization, consider centralizing root access and deleting member accounts\' root credentials instead.',
    ],
  },
  reads: [
    { service: 'iam', operation: 'GetAccountSummary', scope: 'global' },
    { service: 'iam', operation: 'GetCredentialReport', scope: 'global' },
  ],
  risk: {
    likelihood: 3,
    impact: 4,
    mitigation: 'reduction',
    mitigationWhy: 'A second factor makes a stolen root password useless on its own.',
  },
  evaluate(ctx) {
    const resource = rootArn(ctx);
    const state = rootSignIn(ctx);
    switch (state.kind) {
      case 'mfa':
        return [{ resource, region: 'global', status: 'pass', detail: `MFA is enabled for the root user (${state.evidence})` }];
      case 'no-password':
        return [{ resource, region: 'global', status: 'pass', detail: `the root user has no password, so it cannot sign in and needs no MFA (${state.evidence})` }];
      case 'password-without-mfa':
        return [{ resource, region: 'global', status: 'fail', detail: `the root user has a password and no MFA (${state.evidence})` }];
      case 'unknown':
        return [{ resource, region: 'global', status: 'error', detail: state.detail }];
    }
  },
};
