import { metricFilterAlarmCheck } from './metric-filter-alarm.js';

export const consoleAuthFailuresMonitored = metricFilterAlarmCheck({
  id: '5.6',
  title: 'Ensure AWS Management Console authentication failures are monitored',
  level: 2,
  subject: 'failed console sign-ins',
  patterns: [
    '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
  ],
  eventSource: 'signin.amazonaws.com',
  metricName: 'ConsoleAuthFailures',
  protects:
    'Repeated failed console sign-ins point at password guessing or credential stuffing against your users. An alarm shortens the time before anyone notices, and the source addresses in the matching events help block the attempt and link it to other activity.',
  risk: { likelihood: 3, impact: 2, mitigation: 'reduction', mitigationWhy: 'Early warning of guessing attempts lets the team lock accounts or block sources before a guess succeeds.' },
});
