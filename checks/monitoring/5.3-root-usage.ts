import { metricFilterAlarmCheck } from './metric-filter-alarm.js';

export const rootUsageMonitored = metricFilterAlarmCheck({
  id: '5.3',
  title: "Ensure usage of the 'root' account is monitored",
  level: 1,
  subject: "the root user's activity",
  patterns: [
    '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  ],
  metricName: 'RootAccountUsage',
  protects:
    'The root user can do anything in the account, including closing it, and no IAM policy can restrict it. It should almost never be used, so each use deserves a human look: an alarm makes an unexpected root sign-in or API call visible at once instead of at the next log review.',
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'Alerting on root activity limits how long misuse of the most powerful identity goes unseen.' },
});
