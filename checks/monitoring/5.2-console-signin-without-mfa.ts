import { metricFilterAlarmCheck } from './metric-filter-alarm.js';

export const consoleSigninWithoutMfaMonitored = metricFilterAlarmCheck({
  id: '5.2',
  title: 'Ensure management console sign-in without MFA is monitored',
  level: 1,
  subject: 'console sign-ins without MFA',
  patterns: [
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
    '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") && ($.userIdentity.type = "IAMUser") && ($.responseElements.ConsoleLogin = "Success") }',
  ],
  eventSource: 'signin.amazonaws.com',
  metricName: 'ConsoleSigninWithoutMfa',
  protects:
    'A console sign-in without MFA means a password alone opened the account, which is exactly what a phished or reused password allows. Alerting on these sign-ins shows who still signs in with one factor and catches an intruder using such an account while the session is young.',
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'An alert adds a detective layer on top of the MFA requirement itself.' },
});
