import { describe, expect, it } from 'vitest';
import { credentialReportCall, daysAgo, userRow } from '../../test/helpers/credential-report.js';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { centralIdentity } from './2.20-central-identity.js';

const org = (master: string) =>
  ok('organizations', 'DescribeOrganization', {
    Organization: { Id: 'o-a1b2c3d4e5', Arn: `arn:aws:organizations::${master}:organization/o-a1b2c3d4e5`, FeatureSet: 'ALL', MasterAccountArn: `arn:aws:organizations::${master}:account/o-a1b2c3d4e5/${master}`, MasterAccountId: master, MasterAccountEmail: 'aws-root@example.com' },
  });
const saml = (...names: string[]) => ok('iam', 'ListSAMLProviders', { SAMLProviderList: names.map((n) => ({ Arn: `arn:aws:iam::111122223333:saml-provider/${n}`, ValidUntil: '2027-01-01T00:00:00+00:00', CreateDate: '2024-01-01T00:00:00+00:00' })) });
const oidc = (...hosts: string[]) => ok('iam', 'ListOpenIDConnectProviders', { OpenIDConnectProviderList: hosts.map((h) => ({ Arn: `arn:aws:iam::111122223333:oidc-provider/${h}` })) });
const users = (...names: string[]) => ok('iam', 'ListUsers', { Users: names.map((n) => ({ Path: '/', UserName: n, UserId: `AIDA${n.toUpperCase()}`, Arn: `arn:aws:iam::111122223333:user/${n}`, CreateDate: '2024-01-01T00:00:00+00:00' })) });

describe('2.20 central identity management', () => {
  it('is manual with the organization, identity providers and IAM users as evidence', () => {
    const report = credentialReportCall([userRow({ name: 'ava', password: { changed: daysAgo(3) } }), userRow({ name: 'ci-deployer' })]);
    const result = run(centralIdentity, makeSnapshot([org('999988887777'), saml('Okta'), oidc('token.actions.githubusercontent.com'), users('ava', 'ci-deployer'), report]));
    expect(result.status).toBe('manual');
    expect(result.findings.map((f) => f.detail)).toEqual([
      'member of organization o-a1b2c3d4e5 (ALL); the management account is 999988887777',
      'identity providers in this account — SAML: Okta; OIDC: token.actions.githubusercontent.com',
      '2 IAM user(s) (ava, ci-deployer); 1 with a console password: ava — confirm none stands for an individual person outside the central identity store',
    ]);
  });

  it('says when the account is the management account or stands alone', () => {
    const management = run(centralIdentity, makeSnapshot([org('111122223333'), saml(), oidc(), users()]));
    expect(management.findings[0]?.detail).toContain('this is the management account');
    expect(management.findings[1]?.detail).toContain('SAML: none; OIDC: none');
    const standalone = run(centralIdentity, makeSnapshot([denied('organizations', 'DescribeOrganization', { code: 'AWSOrganizationsNotInUseException' }), saml(), oidc(), users()]));
    expect(standalone.status).toBe('manual');
    expect(standalone.findings[0]?.detail).toContain('not part of an AWS Organization');
  });

  it('is an error naming each missing call, keeping the evidence that is there', () => {
    const result = run(centralIdentity, makeSnapshot([denied('organizations', 'DescribeOrganization'), saml('Okta'), users('ava')]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('organizations DescribeOrganization failed: AccessDenied');
    expect(result.findings[1]?.detail).toContain('iam ListOpenIDConnectProviders');
    expect(result.findings[2]).toMatchObject({ status: 'manual' });
  });
});
