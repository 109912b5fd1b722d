import { metricFilterAlarmCheck } from './metric-filter-alarm.js';

export const cmkDisableOrDeletionMonitored = metricFilterAlarmCheck({
  id: '5.7',
  title: 'Ensure disabling or scheduled deletion of customer created CMKs is monitored',
  level: 2,
  subject: 'KMS keys being disabled or scheduled for deletion',
  patterns: [
    '{ ($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)|| ($.eventName=ScheduleKeyDeletion)) }',
  ],
  eventSource: 'kms.amazonaws.com',
  metricName: 'CmkDisableOrDeletion',
  protects:
    'Disabling a KMS key or scheduling its deletion makes everything encrypted under it unreadable, and once the key is deleted the data cannot be recovered. Alerting on these state changes uses the waiting period to cancel a deletion that was a mistake or sabotage.',
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'An alert inside the deletion waiting period turns an irreversible loss into a reversible one.' },
});
