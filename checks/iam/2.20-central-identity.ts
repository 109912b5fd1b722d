import { MissingInput } from '../context.js';
import type { Finding, Recommendation } from '../types.js';
import { credentialReport, hasConsolePassword } from './credential-report.js';
import { attempt } from '../requirements.js';
import { listUsers, missingFor } from './iam-data.js';

interface DescribeOrganizationOutput {
  Organization?: { Id?: string; Arn?: string; FeatureSet?: string; MasterAccountId?: string; MasterAccountArn?: string };
}
interface ListSAMLProvidersOutput {
  SAMLProviderList?: { Arn: string; ValidUntil?: string }[];
}
interface ListOpenIDConnectProvidersOutput {
  OpenIDConnectProviderList?: { Arn: string }[];
}

// Enough names for an assessor to recognise people versus service users without flooding the detail.
const NAMES_SHOWN = 12;

export const centralIdentity: Recommendation = {
  id: '2.20',
  section: '2',
  title: 'Ensure IAM users are managed centrally via identity federation or AWS Organizations for multi-account environments',
  level: 2,
  assessment: 'manual',
  guidance: {
    protects:
      'When every account keeps its own IAM users, a leaver must be removed in each of them and some copies are always missed. Managing people in one identity store (an external identity provider, or IAM Identity Center in the organization) and letting them assume roles elsewhere means one change removes all their access. It also gives one place to enforce MFA and review who can do what.',
    verifyConsole: [
      'Find the account (or identity provider) that holds the people; in it, check IAM → Identity providers or IAM Identity Center settings.',
      'In every other account of the organization, open IAM → Users: only service users with a documented purpose should remain, no users for individual people.',
    ],
    verifyCli: [
      'aws organizations describe-organization (is this account part of an organization, and which is the management account?)',
      'aws iam list-saml-providers and aws iam list-open-id-connect-providers (federation set up in this account), aws sso-admin list-instances (Identity Center)',
      'aws iam list-users: review which users represent individual people.',
    ],
    remediation: [
      'Pick the identity source (corporate IdP through IAM Identity Center, or SAML federation into a central account).',
      'Give people permission sets or federated roles in each account, then delete the IAM users that stood for them.',
      'Keep IAM users only for service needs that cannot use roles, each with an owner and a documented reason.',
    ],
  },
  reads: [
    { service: 'organizations', operation: 'DescribeOrganization', scope: 'global' },
    { service: 'iam', operation: 'ListSAMLProviders', scope: 'global' },
    { service: 'iam', operation: 'ListOpenIDConnectProviders', scope: 'global' },
    { service: 'iam', operation: 'ListUsers', scope: 'global' },
    { service: 'iam', operation: 'GetCredentialReport', scope: 'global' },
  ],
  risk: {
    likelihood: 1,
    impact: 3,
    mitigation: 'reduction',
    mitigationWhy: 'One identity store makes removing a person\'s access a single, reliable step.',
  },
  evaluate(ctx) {
    const findings: Finding[] = [];
    const account = ctx.account;

    const organization = attempt(() => ctx.outcome<DescribeOrganizationOutput>('organizations', 'DescribeOrganization'));
    if (organization instanceof MissingInput) findings.push(missingFor(account, organization));
    else if (organization.ok) {
      const org = organization.output.Organization ?? {};
      const role = org.MasterAccountId === account ? 'this is the management account' : `the management account is ${org.MasterAccountId ?? 'unknown'}`;
      findings.push({ resource: org.Arn ?? account, region: 'global', status: 'manual', detail: `member of organization ${org.Id ?? '(id not shown)'} (${org.FeatureSet ?? 'feature set unknown'}); ${role}` });
    } else if (organization.error.code === 'AWSOrganizationsNotInUseException') {
      findings.push({ resource: account, region: 'global', status: 'manual', detail: 'the account is not part of an AWS Organization: central management applies only if it belongs to a multi-account setup' });
    } else {
      findings.push({ resource: account, region: 'global', status: 'error', detail: `organizations DescribeOrganization failed: ${organization.error.code}` });
    }

    const saml = attempt(() => ctx.output<ListSAMLProvidersOutput>('iam', 'ListSAMLProviders').SAMLProviderList ?? []);
    const oidc = attempt(() => ctx.output<ListOpenIDConnectProvidersOutput>('iam', 'ListOpenIDConnectProviders').OpenIDConnectProviderList ?? []);
    if (saml instanceof MissingInput || oidc instanceof MissingInput) {
      findings.push(missingFor(account, ...[saml, oidc].filter((r): r is MissingInput => r instanceof MissingInput)));
    } else {
      const names = (list: { Arn: string }[]) => (list.length > 0 ? list.map((p) => p.Arn.split('/').slice(1).join('/')).join(', ') : 'none');
      findings.push({ resource: account, region: 'global', status: 'manual', detail: `identity providers in this account — SAML: ${names(saml)}; OIDC: ${names(oidc)}` });
    }

    const users = attempt(() => listUsers(ctx));
    if (users instanceof MissingInput) findings.push(missingFor(account, users));
    else {
      const report = attempt(() => credentialReport(ctx));
      const consoleNames = report instanceof MissingInput ? undefined : report.users.filter(hasConsolePassword).map((r) => r.user);
      const shown = (list: string[]) => list.slice(0, NAMES_SHOWN).join(', ') + (list.length > NAMES_SHOWN ? `, … (${list.length - NAMES_SHOWN} more)` : '');
      const consolePart = consoleNames ? `; ${consoleNames.length} with a console password${consoleNames.length > 0 ? `: ${shown(consoleNames)}` : ''}` : '';
      findings.push({
        resource: account,
        region: 'global',
        status: 'manual',
        detail: `${users.length} IAM user(s)${users.length > 0 ? ` (${shown(users.map((u) => u.UserName))})` : ''}${consolePart} — confirm none stands for an individual person outside the central identity store`,
      });
    }
    return findings;
  },
};
