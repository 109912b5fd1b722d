import { metricFilterAlarmCheck } from './metric-filter-alarm.js';

export const s3BucketPolicyChangesMonitored = metricFilterAlarmCheck({
  id: '5.8',
  title: 'Ensure S3 bucket policy changes are monitored',
  level: 1,
  subject: 'S3 bucket policy and configuration changes',
  patterns: [
    '{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) || ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }',
  ],
  eventSource: 's3.amazonaws.com',
  metricName: 'S3BucketPolicyChanges',
  protects:
    'A changed bucket policy, ACL, CORS, lifecycle or replication setting can expose data publicly, copy it to another account or expire it quietly. Alerting on these changes lets bucket owners catch a permissive or destructive setting before data leaves or disappears.',
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'Quick review of bucket changes narrows the window in which exposed data can be taken.' },
});
