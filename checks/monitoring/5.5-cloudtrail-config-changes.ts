import { metricFilterAlarmCheck } from './metric-filter-alarm.js';

export const cloudTrailConfigChangesMonitored = metricFilterAlarmCheck({
  id: '5.5',
  title: 'Ensure CloudTrail configuration changes are monitored',
  level: 1,
  subject: 'CloudTrail configuration changes',
  patterns: [
    '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
  ],
  eventSource: 'cloudtrail.amazonaws.com',
  metricName: 'CloudTrailConfigChanges',
  protects:
    'Someone who wants to act unseen will stop, delete or redirect the trail first. Alerting on trail creation, updates, deletion and on logging being stopped or started keeps the audit record itself under watch, so a gap in logging is noticed while it can still be closed.',
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'Watching the trail protects every other detective control that depends on its logs.' },
});
