import { metricFilterAlarmCheck } from './metric-filter-alarm.js';

export const networkGatewayChangesMonitored = metricFilterAlarmCheck({
  id: '5.12',
  title: 'Ensure changes to network gateways are monitored',
  level: 1,
  subject: 'network gateway changes',
  patterns: [
    '{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = CreateInternetGateway) || ($.eventName = DeleteInternetGateway) || ($.eventName = DetachInternetGateway) }',
  ],
  eventSource: 'ec2.amazonaws.com',
  metricName: 'NetworkGatewayChanges',
  protects:
    'Internet and customer gateways are the doors between a VPC and the outside world. Watching their creation, attachment, detachment and deletion makes sure a new way into or out of the network is never opened without someone noticing.',
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'An alert on gateway changes exposes new network paths before they are used for attack or exfiltration.' },
});
