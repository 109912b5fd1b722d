import { metricFilterAlarmCheck } from './metric-filter-alarm.js';

export const securityGroupChangesMonitored = metricFilterAlarmCheck({
  id: '5.10',
  title: 'Ensure security group changes are monitored',
  level: 2,
  subject: 'security group changes',
  patterns: [
    '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) || ($.eventName = ModifySecurityGroupRules) }',
  ],
  eventSource: 'ec2.amazonaws.com',
  metricName: 'SecurityGroupChanges',
  protects:
    'Security groups decide which traffic reaches instances, databases and load balancers. An alarm on rule changes and on groups being created or deleted makes an accidental opening, such as SSH from the whole internet, visible the moment it happens rather than at the next audit.',
  risk: { likelihood: 3, impact: 2, mitigation: 'reduction', mitigationWhy: 'Detecting rule changes quickly limits how long an accidental opening stays exposed.' },
});
