import type { CheckContext } from '../context.js';

interface DescribeOrganizationOutput {
  Organization?: { Id?: string; MasterAccountId?: string };
}

/**
 * Where the account sits in AWS Organizations, as evidence for 5.15: changes to an organisation
 * are made, and logged, in its management account.
 */
export function organizationContext(ctx: CheckContext): string | undefined {
  const call = ctx.snapshot.find('organizations', 'DescribeOrganization', undefined, {});
  if (!call) return undefined;
  if (call.error) {
    return call.error.code === 'AWSOrganizationsNotInUseException'
      ? 'The account belongs to no AWS Organization'
      : `Organization membership unknown (organizations DescribeOrganization failed: ${call.error.code})`;
  }
  const org = (call.output as DescribeOrganizationOutput).Organization;
  if (!org?.Id) return undefined;
  return org.MasterAccountId === ctx.account
    ? `This account is the management account of organization ${org.Id}`
    : `This account is a member of organization ${org.Id}; its changes are made and logged in management account ${org.MasterAccountId ?? '(unknown)'}`;
}
