import { metricFilterAlarmCheck } from './metric-filter-alarm.js';
import { organizationContext } from './organization.js';

export const organizationsChangesMonitored = metricFilterAlarmCheck({
  id: '5.15',
  title: 'Ensure AWS Organizations changes are monitored',
  level: 1,
  subject: 'AWS Organizations changes',
  patterns: [
    '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = "AcceptHandshake") || ($.eventName = "AttachPolicy") || ($.eventName = "CreateAccount") || ($.eventName = "CreateOrganizationalUnit") || ($.eventName = "CreatePolicy") || ($.eventName = "DeclineHandshake") || ($.eventName = "DeleteOrganization") || ($.eventName = "DeleteOrganizationalUnit") || ($.eventName = "DeletePolicy") || ($.eventName = "DetachPolicy") || ($.eventName = "DisablePolicyType") || ($.eventName = "EnablePolicyType") || ($.eventName = "InviteAccountToOrganization") || ($.eventName = "LeaveOrganization") || ($.eventName = "MoveAccount") || ($.eventName = "RemoveAccountFromOrganization") || ($.eventName = "UpdatePolicy") || ($.eventName = "UpdateOrganizationalUnit")) }',
  ],
  eventSource: 'organizations.amazonaws.com',
  metricName: 'OrganizationsChanges',
  protects:
    'AWS Organizations governs member accounts and the service control policies that bound them. An alarm on changes such as a policy being detached, an account being moved or removed, or an account leaving the organisation catches attempts to slip out from under central guardrails.',
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'Alerting on organisation changes protects the guardrails every member account relies on.' },
  extraReads: [{ service: 'organizations', operation: 'DescribeOrganization', scope: 'global' }],
  context: organizationContext,
});
