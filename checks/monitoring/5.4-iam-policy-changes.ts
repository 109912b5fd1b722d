import { metricFilterAlarmCheck } from './metric-filter-alarm.js';

export const iamPolicyChangesMonitored = metricFilterAlarmCheck({
  id: '5.4',
  title: 'Ensure IAM policy changes are monitored',
  level: 1,
  subject: 'IAM policy changes',
  patterns: [
    '{ ($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy) }',
  ],
  eventSource: 'iam.amazonaws.com',
  metricName: 'IamPolicyChanges',
  protects:
    'Changing IAM policies is the shortest route to privilege escalation: one PutUserPolicy or AttachRolePolicy can hand out administrator rights. An alarm on policy creation, attachment and removal lets the team confirm each change was intended and reverse one that was not.',
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'Review of each policy change catches escalation that preventive controls let through.' },
});
