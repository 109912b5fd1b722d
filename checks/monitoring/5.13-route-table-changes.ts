import { metricFilterAlarmCheck } from './metric-filter-alarm.js';

export const routeTableChangesMonitored = metricFilterAlarmCheck({
  id: '5.13',
  title: 'Ensure route table changes are monitored',
  level: 1,
  subject: 'route table changes',
  patterns: [
    '{ ($.eventSource = ec2.amazonaws.com) && ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }',
  ],
  eventSource: 'ec2.amazonaws.com',
  metricName: 'RouteTableChanges',
  patternNote:
    "&& binds tighter than ||, so the benchmark's audit pattern ties eventSource to CreateRoute only, and its remediation pattern leaves eventSource out. Both catch the seven EC2 route-table events, as does a filter that applies eventSource = ec2.amazonaws.com to the whole list; Assay accepts all three.",
  protects:
    "Route tables decide where each subnet's traffic goes; one changed route can send it through an unexpected gateway, peer or appliance. Alerting on route and route-table changes keeps traffic on its intended path and exposes attempts to intercept or divert it.",
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'Alerting on routing changes catches diversion of traffic while it can still be reversed.' },
});
