import { metricFilterAlarmCheck } from './metric-filter-alarm.js';

export const configChangesMonitored = metricFilterAlarmCheck({
  id: '5.9',
  title: 'Ensure AWS Config configuration changes are monitored',
  level: 2,
  subject: 'AWS Config recorder and delivery channel changes',
  patterns: [
    '{ ($.eventSource = config.amazonaws.com) && (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }',
  ],
  eventSource: 'config.amazonaws.com',
  metricName: 'AwsConfigChanges',
  patternNote:
    'The benchmark prints ($.eventName>DeleteDeliveryChannel). CloudWatch Logs only allows > with numbers, so that filter could not be saved; Assay reads it as = DeleteDeliveryChannel, the evident intent.',
  protects:
    "AWS Config keeps the account's configuration history and compliance record; stopping the recorder or removing its delivery channel blinds it. An alarm on recorder and delivery-channel changes makes sure lost configuration tracking is noticed and restored quickly.",
  risk: { likelihood: 2, impact: 2, mitigation: 'reduction', mitigationWhy: 'Alerting keeps the configuration record trustworthy without changing how Config runs.' },
});
