import { MissingInput } from '../context.js';
import type { Finding, Recommendation } from '../types.js';
import { attempt } from '../requirements.js';
import { ATTACHED_POLICIES, attachedPolicies, awsManagedPolicyArn, defaultVersionDocument, entityNames, type ListEntitiesForPolicyOutput, type ManagedPolicy } from './iam-data.js';
import { allowsAction, parsePolicyDocument, PolicyDocumentError, statementsOf } from './policy-document.js';

// The CloudShell actions that move data in and out of the environment or start it.
const CLOUDSHELL_ACTIONS = ['cloudshell:CreateEnvironment', 'cloudshell:CreateSession', 'cloudshell:StartEnvironment', 'cloudshell:GetFileUploadUrls', 'cloudshell:GetFileDownloadUrls', 'cloudshell:PutCredentials'];

const NOBODY = 'AWSCloudShellFullAccess is attached to no user, group or role — confirm no other policy grants CloudShell file transfer';

/**
 * Who holds AWSCloudShellFullAccess: its entity list when recorded; otherwise the attached-policy
 * list (ListPolicies OnlyAttached), which holds the policy exactly when something is attached to it.
 */
function cloudShellPolicyFinding(policyArn: string, entities: ListEntitiesForPolicyOutput | MissingInput, policies: ManagedPolicy[] | MissingInput): Finding {
  const base = { resource: policyArn, region: 'global' };
  if (!(entities instanceof MissingInput)) {
    const holders = entityNames(entities);
    return holders.length > 0 ? { ...base, status: 'fail', detail: `AWSCloudShellFullAccess is attached to ${holders.join(', ')}` } : { ...base, status: 'manual', detail: NOBODY };
  }
  if (policies instanceof MissingInput) throw entities;
  const listed = policies.find((p) => p.Arn === policyArn);
  if (!listed) return { ...base, status: 'manual', detail: `${NOBODY} (iam ListPolicies {"OnlyAttached":true} does not list it)` };
  const count = listed.AttachmentCount === undefined ? 'some entities' : `${listed.AttachmentCount} ${listed.AttachmentCount === 1 ? 'entity' : 'entities'}`;
  return { ...base, status: 'fail', detail: `AWSCloudShellFullAccess is attached to ${count} (iam ListPolicies {"OnlyAttached":true} lists it); which ones is unknown — ${entities.message}` };
}

export const cloudShellAccess: Recommendation = {
  id: '2.21',
  section: '2',
  title: 'Ensure access to AWSCloudShellFullAccess is restricted',
  level: 1,
  assessment: 'manual',
  guidance: {
    protects:
      'CloudShell is a browser terminal with the caller\'s permissions, root inside the container, internet access and file upload and download. With AWSCloudShellFullAccess, an insider or a hijacked session can pull data from the account and ship it out without touching any monitored workstation. Restricting the managed policy, or denying the file transfer actions, closes that exit.',
    verifyConsole: [
      'In IAM → Policies, search for AWSCloudShellFullAccess and open Entities attached: the list must be empty.',
      'Check other policies too: wildcards such as "*" or "cloudshell:*" grant the same access.',
    ],
    verifyCli: [
      'aws iam list-entities-for-policy --output json --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess',
      'PolicyGroups, PolicyUsers and PolicyRoles must all be empty.',
    ],
    remediation: [
      'Detach the policy from each holder: aws iam detach-group-policy --group-name GROUP --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess for a group, aws iam detach-user-policy --user-name NAME --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess for a user, aws iam detach-role-policy --role-name ROLE --policy-arn arn:aws:iam::aws:policy/AWSCloudShellFullAccess for a role.',
      'Where CloudShell is needed, grant a custom policy that denies cloudshell:GetFileUploadUrls and cloudshell:GetFileDownloadUrls.',
    ],
  },
  reads: [
    { service: 'iam', operation: 'ListEntitiesForPolicy', scope: 'global', params: { PolicyArn: 'arn:aws:iam::aws:policy/AWSCloudShellFullAccess' } },
    { service: 'iam', operation: 'ListPolicies', scope: 'global', params: ATTACHED_POLICIES },
    { service: 'iam', operation: 'GetPolicyVersion', scope: 'global', per: 'PolicyArn, VersionId' },
  ],
  risk: {
    likelihood: 2,
    impact: 3,
    mitigation: 'reduction',
    mitigationWhy: 'Removing or narrowing CloudShell access closes an easy path for moving data out.',
  },
  evaluate(ctx) {
    const policyArn = awsManagedPolicyArn(ctx, 'AWSCloudShellFullAccess');
    const entities = attempt(() => ctx.output<ListEntitiesForPolicyOutput>('iam', 'ListEntitiesForPolicy', { params: { PolicyArn: policyArn } }));
    const policies = attempt(() => attachedPolicies(ctx));
    const findings: Finding[] = [cloudShellPolicyFinding(policyArn, entities, policies)];
    // Other attached policies may grant the same actions; listing them helps the assessor (evidence only).
    if (policies instanceof MissingInput) return findings;
    for (const policy of policies.filter((p) => p.Arn !== policyArn)) {
      let document;
      try {
        document = parsePolicyDocument(defaultVersionDocument(ctx, policy));
      } catch (err) {
        if (err instanceof MissingInput || err instanceof PolicyDocumentError) continue;
        throw err;
      }
      const granted = CLOUDSHELL_ACTIONS.filter((action) => statementsOf(document).some((s) => allowsAction(s, action)));
      if (granted.length > 0) {
        findings.push({ resource: policy.Arn, region: 'global', status: 'manual', detail: `${policy.PolicyName} also allows CloudShell (${granted.length === CLOUDSHELL_ACTIONS.length ? 'all of it' : granted.join(', ')}) — review who holds it` });
      }
    }
    return findings;
  },
};
