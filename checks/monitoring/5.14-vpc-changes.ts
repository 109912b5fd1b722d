import { metricFilterAlarmCheck } from './metric-filter-alarm.js';

export const vpcChangesMonitored = metricFilterAlarmCheck({
  id: '5.14',
  title: 'Ensure VPC changes are monitored',
  level: 1,
  subject: 'VPC changes',
  patterns: [
    '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) || ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc) || ($.eventName = DisableVpcClassicLink) || ($.eventName = EnableVpcClassicLink) }',
  ],
  eventSource: 'ec2.amazonaws.com',
  metricName: 'VpcChanges',
  protects:
    "A VPC's attributes and its peering connections decide which networks can reach each other. Alerting on VPCs being created, deleted or modified, and on peering requests being made, accepted or removed, reveals a new link between networks or a change that weakens isolation.",
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'Alerting on VPC and peering changes exposes unexpected network links for review.' },
});
