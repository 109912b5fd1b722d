import { metricFilterAlarmCheck } from './metric-filter-alarm.js';

export const naclChangesMonitored = metricFilterAlarmCheck({
  id: '5.11',
  title: 'Ensure Network Access Control List (NACL) changes are monitored',
  level: 2,
  subject: 'network ACL changes',
  patterns: [
    '{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName = ReplaceNetworkAclAssociation) }',
  ],
  eventSource: 'ec2.amazonaws.com',
  metricName: 'NaclChanges',
  protects:
    "Network ACLs are the stateless filter at each subnet's edge. Alerting on changes to ACLs, their entries and which subnets use them catches a rule that suddenly lets traffic into or out of a whole subnet.",
  risk: { likelihood: 2, impact: 2, mitigation: 'reduction', mitigationWhy: 'Alerting surfaces subnet-wide filtering changes for review soon after they are made.' },
});
