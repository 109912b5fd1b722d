import { describe, expect, it } from 'vitest';
import { denied, ok, run } from '../../test/helpers/snapshot.js';
import { chainSnapshot, LOG_GROUP } from '../../test/helpers/monitoring-chain.js';
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

/** One metric-filter recommendation and the filters that exercise it. */
interface FilterCase {
  rec: Recommendation;
  title: string;
  /** The benchmark's filter pattern. */
  pattern: string;
  /** The same filter, reordered or requoted. */
  variant: string;
  /** A filter lacking part of the pattern, and the part the finding must name. */
  incomplete: string;
  missing: string;
}

// 5.1–5.15 share the trail → log group → filter → alarm → topic chain; each row is one of them.
const CASES: FilterCase[] = [
  {
    rec: unauthorizedApiCallsMonitored,
    title: 'unauthorized API calls',
    pattern: '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
    variant: '{($.eventName!="HeadBucket") && ($.sourceIPAddress!="delivery.logs.amazonaws.com") && ($.errorCode="AccessDenied*") || ($.errorCode="*UnauthorizedOperation")}',
    incomplete: '{ ($.errorCode = "*UnauthorizedOperation") || ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
    missing: 'AccessDenied*',
  },
  {
    rec: consoleSigninWithoutMfaMonitored,
    title: 'console sign-ins without MFA',
    pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
    variant: '{$.additionalEventData.MFAUsed!=Yes&&$.eventName=ConsoleLogin}',
    incomplete: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed = "No") }',
    missing: 'MFAUsed != "Yes"',
  },
  {
    rec: rootUsageMonitored,
    title: "the root user's activity",
    pattern: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    variant: '{ ($.eventType != AwsServiceEvent) && ($.userIdentity.type = Root) && ($.userIdentity.invokedBy NOT EXISTS) }',
    incomplete: '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" && $.eventName = "ConsoleLogin" }',
    missing: 'userIdentity.type = "Root"',
  },
  {
    rec: iamPolicyChangesMonitored,
    title: 'IAM policy changes',
    pattern: '{ ($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy) }',
    variant: '{($.eventName=DetachGroupPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachRolePolicy) || ($.eventName=DeletePolicyVersion) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteGroupPolicy)}',
    incomplete: '{ ($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) }',
    missing: 'DetachGroupPolicy',
  },
  {
    rec: cloudTrailConfigChangesMonitored,
    title: 'CloudTrail configuration changes',
    pattern: '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
    variant: '{($.eventName=StopLogging) || ($.eventName=StartLogging) || ($.eventName=DeleteTrail) || ($.eventName=UpdateTrail) || ($.eventName=CreateTrail)}',
    incomplete: '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) }',
    missing: 'StopLogging',
  },
  {
    rec: consoleAuthFailuresMonitored,
    title: 'failed console sign-ins',
    pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
    variant: '{$.errorMessage="Failed authentication"&&$.eventName="ConsoleLogin"}',
    incomplete: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") && ($.userIdentity.type = "IAMUser") }',
    missing: 'Failed authentication',
  },
  {
    rec: cmkDisableOrDeletionMonitored,
    title: 'KMS keys being disabled or scheduled for deletion',
    pattern: '{ ($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)|| ($.eventName=ScheduleKeyDeletion)) }',
    variant: '{ (($.eventName = "ScheduleKeyDeletion") || ($.eventName = "DisableKey")) && ($.eventSource = "kms.amazonaws.com") }',
    incomplete: '{ ($.eventSource = kms.amazonaws.com) && ($.eventName = DisableKey) }',
    missing: 'ScheduleKeyDeletion',
  },
  {
    rec: s3BucketPolicyChangesMonitored,
    title: 'S3 bucket policy and configuration changes',
    pattern: '{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }',
    variant: '{(($.eventName="DeleteBucketReplication")||($.eventName="DeleteBucketLifecycle")||($.eventName="DeleteBucketCors")||($.eventName="DeleteBucketPolicy")||($.eventName="PutBucketReplication")||($.eventName="PutBucketLifecycle")||($.eventName="PutBucketCors")||($.eventName="PutBucketPolicy")||($.eventName="PutBucketAcl"))&&($.eventSource="s3.amazonaws.com")}',
    incomplete: '{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }',
    missing: 'PutBucketReplication',
  },
  {
    rec: configChangesMonitored,
    title: 'AWS Config recorder and delivery channel changes',
    pattern: '{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }',
    variant: '{ ($.eventSource = "config.amazonaws.com") && (($.eventName = "PutConfigurationRecorder") || ($.eventName = "PutDeliveryChannel") || ($.eventName = "DeleteDeliveryChannel") || ($.eventName = "StopConfigurationRecorder")) }',
    incomplete: '{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }',
    missing: 'DeleteDeliveryChannel',
  },
  {
    rec: securityGroupChangesMonitored,
    title: 'security group changes',
    pattern: '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) || ($.eventName = ModifySecurityGroupRules) }',
    variant: '{($.eventName=ModifySecurityGroupRules) || ($.eventName=DeleteSecurityGroup) || ($.eventName=CreateSecurityGroup) || ($.eventName=RevokeSecurityGroupEgress) || ($.eventName=RevokeSecurityGroupIngress) || ($.eventName=AuthorizeSecurityGroupEgress) || ($.eventName=AuthorizeSecurityGroupIngress)}',
    incomplete: '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }',
    missing: 'ModifySecurityGroupRules',
  },
  {
    rec: naclChangesMonitored,
    title: 'network ACL changes',
    pattern: '{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }',
    variant: '{($.eventName=ReplaceNetworkAclAssociation) || ($.eventName=ReplaceNetworkAclEntry) || ($.eventName=DeleteNetworkAclEntry) || ($.eventName=DeleteNetworkAcl) || ($.eventName=CreateNetworkAclEntry) || ($.eventName=CreateNetworkAcl)}',
    incomplete: '{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) }',
    missing: 'ReplaceNetworkAclAssociation',
  },
  {
    rec: networkGatewayChangesMonitored,
    title: 'network gateway changes',
    pattern: '{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }',
    variant: '{($.eventName=DetachInternetGateway) || ($.eventName=DeleteInternetGateway) || ($.eventName=CreateInternetGateway) || ($.eventName=AttachInternetGateway) || ($.eventName=DeleteCustomerGateway) || ($.eventName=CreateCustomerGateway)}',
    incomplete: '{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) }',
    missing: 'DetachInternetGateway',
  },
  {
    rec: routeTableChangesMonitored,
    title: 'route table changes',
    pattern: '{ ($.eventSource = ec2.amazonaws.com) && ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }',
    variant: '{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }',
    incomplete: '{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute)) }',
    missing: 'DisassociateRouteTable',
  },
  {
    rec: vpcChangesMonitored,
    title: 'VPC changes',
    pattern: '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }',
    variant: '{($.eventName=EnableVpcClassicLink) || ($.eventName=DisableVpcClassicLink) || ($.eventName=DetachClassicLinkVpc) || ($.eventName=AttachClassicLinkVpc) || ($.eventName=RejectVpcPeeringConnection) || ($.eventName=DeleteVpcPeeringConnection) || ($.eventName=CreateVpcPeeringConnection) || ($.eventName=AcceptVpcPeeringConnection) || ($.eventName=ModifyVpcAttribute) || ($.eventName=DeleteVpc) || ($.eventName=CreateVpc)}',
    incomplete: '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) }',
    missing: 'EnableVpcClassicLink',
  },
  {
    rec: organizationsChangesMonitored,
    title: 'AWS Organizations changes',
    pattern: '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
    variant: '{($.eventSource=organizations.amazonaws.com)&&(($.eventName=AcceptHandshake)||($.eventName=AttachPolicy)||($.eventName=CreateAccount)||($.eventName=CreateOrganizationalUnit)||($.eventName=CreatePolicy)||($.eventName=DeclineHandshake)||($.eventName=DeleteOrganization)||($.eventName=DeleteOrganizationalUnit)||($.eventName=DeletePolicy)||($.eventName=DetachPolicy)||($.eventName=DisablePolicyType)||($.eventName=EnablePolicyType)||($.eventName=InviteAccountToOrganization)||($.eventName=LeaveOrganization)||($.eventName=MoveAccount)||($.eventName=RemoveAccountFromOrganization)||($.eventName=UpdateOrganizationalUnit)||($.eventName=UpdatePolicy))}',
    incomplete: '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
    missing: 'DetachPolicy',
  },
];

for (const { rec, title, pattern, variant, incomplete, missing } of CASES) {
  describe(`${rec.id} ${title}`, () => {
    it('is manual, with the chain as evidence, when the log group has the benchmark filter', () => {
      const result = run(rec, chainSnapshot(pattern));
      expect(result.status).toBe('manual');
      expect(result.findings[0]?.detail).toContain("metric filter 'cis-filter' (the prescribed pattern)");
      expect(result.findings[0]?.detail).toContain('1 confirmed subscription');
    });

    it('accepts the same filter written differently', () => {
      expect(run(rec, chainSnapshot(variant)).status).toBe('manual');
    });

    it('fails when the filter misses part of the pattern', () => {
      const result = run(rec, chainSnapshot(incomplete));
      expect(result.status).toBe('fail');
      expect(result.findings[0]?.detail).toContain(missing);
    });

    it('is an error naming the call when the metric filters could not be read', () => {
      const result = run(rec, chainSnapshot(pattern, { replace: { DescribeMetricFilters: denied('logs', 'DescribeMetricFilters', { params: { logGroupName: LOG_GROUP } }) } }));
      expect(result.status).toBe('error');
      expect(result.findings[0]?.detail).toContain('logs DescribeMetricFilters');
      expect(result.findings[0]?.detail).toContain('AccessDenied');
    });
  });
}

/** The row of a recommendation, for the tests only it needs. */
function caseOf(rec: Recommendation): FilterCase {
  const found = CASES.find((c) => c.rec === rec);
  if (!found) throw new Error(`no filter case for ${rec.id}`);
  return found;
}

describe('5.1 unauthorized API calls', () => {
  const REC = unauthorizedApiCallsMonitored;

  it('fails a filter that brackets both error codes before the exclusions', () => {
    const regrouped = '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }';
    const result = run(REC, chainSnapshot(regrouped));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('misses { $.errorCode = "*UnauthorizedOperation" }');
  });
});

describe('5.2 console sign-ins without MFA', () => {
  const REC = consoleSigninWithoutMfaMonitored;

  it('accepts the narrower pattern the benchmark offers for accounts that use SSO', () => {
    const sso = '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }';
    const result = run(REC, chainSnapshot(sso));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toContain('(the prescribed pattern)');
  });
});

describe('5.9 AWS Config recorder and delivery channel changes', () => {
  const REC = configChangesMonitored;

  it('explains how it reads the typo in the benchmark pattern', () => {
    expect(REC.guidance.verifyCli.join(' ')).toContain('($.eventName>DeleteDeliveryChannel)');
  });
});

describe('5.13 route table changes', () => {
  const REC = routeTableChangesMonitored;

  it('accepts the form that applies eventSource to every route event', () => {
    const sourceOnAll = '{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }';
    expect(run(REC, chainSnapshot(sourceOnAll)).status).toBe('manual');
  });
});

describe('5.15 AWS Organizations changes', () => {
  const REC = organizationsChangesMonitored;

  it('adds where the account sits in the organization to the evidence', () => {
    const org = ok('organizations', 'DescribeOrganization', { Organization: { Id: 'o-a1b2c3d4e5', MasterAccountId: '111122223333', FeatureSet: 'ALL' } });
    const result = run(REC, chainSnapshot(caseOf(REC).pattern, { extra: [org] }));
    expect(result.findings[0]?.detail).toMatch(/This account is the management account of organization o-a1b2c3d4e5$/);
    const none = denied('organizations', 'DescribeOrganization', { code: 'AWSOrganizationsNotInUseException' });
    expect(run(REC, chainSnapshot(caseOf(REC).pattern, { extra: [none] })).findings[0]?.detail).toMatch(/belongs to no AWS Organization$/);
  });
});
