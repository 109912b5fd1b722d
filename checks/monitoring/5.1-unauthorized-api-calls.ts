import { metricFilterAlarmCheck } from './metric-filter-alarm.js';

export const unauthorizedApiCallsMonitored = metricFilterAlarmCheck({
  id: '5.1',
  title: 'Ensure unauthorized API calls are monitored',
  level: 2,
  subject: 'unauthorized API calls',
  patterns: [
    '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
  ],
  metricName: 'UnauthorizedApiCalls',
  patternNote:
    '&& binds tighter than ||, so the two exclusions qualify only the AccessDenied* alternative; a filter that brackets both error codes before the exclusions drops some *UnauthorizedOperation events and does not count.',
  protects:
    'Bursts of AccessDenied or UnauthorizedOperation errors are often the first visible sign of stolen credentials being tried out, or of a compromised workload probing what it may do. An alarm on these errors turns a silent log line into a prompt to look, long before the intruder finds a permission that works.',
  risk: { likelihood: 3, impact: 2, mitigation: 'reduction', mitigationWhy: 'Detection shortens the time an intruder can probe unnoticed; it does not stop the probing.' },
});
