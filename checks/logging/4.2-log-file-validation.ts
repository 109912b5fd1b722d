import type { Finding, Recommendation } from '../types.js';
import { listTrails } from './trails.js';

export const logFileValidation: Recommendation = {
  id: '4.2',
  section: '4',
  title: 'Ensure CloudTrail log file validation is enabled',
  level: 2,
  assessment: 'automated',
  guidance: {
    protects:
      'An intruder with access to the log bucket can delete or edit the records of what they did. With log file validation on, CloudTrail writes a signed digest every hour holding a hash of each log file it delivered. Comparing files to digests shows whether any log was changed or removed after delivery.',
    verifyConsole: [
      'Open CloudTrail → Trails and open each trail.',
      'Under General details, Log file validation must read Enabled.',
    ],
    verifyCli: [
      'aws cloudtrail describe-trails --query "trailList[].[Name,LogFileValidationEnabled]" in each region in scope.',
      'Every trail must show LogFileValidationEnabled true.',
    ],
    remediation: [
      'Console: edit the trail\'s General details and tick Log file validation.',
      'CLI: aws cloudtrail update-trail --name <trail> --enable-log-file-validation',
      'Validate the logs from time to time: aws cloudtrail validate-logs --trail-arn <arn> --start-time <time>.',
    ],
  },
  reads: [{ service: 'cloudtrail', operation: 'DescribeTrails', scope: 'regional' }],
  risk: { likelihood: 1, impact: 4, mitigation: 'reduction', mitigationWhy: 'Signed digests make tampering with the audit record detectable.' },
  evaluate(ctx) {
    const { trails, missing } = listTrails(ctx);
    if (trails.length === 0 && missing.length === 0) {
      return [{ resource: ctx.account, region: 'global', status: 'fail', detail: 'no CloudTrail trail exists, so no log is validated' }];
    }
    return [
      ...trails.map((trail): Finding => ({
        resource: trail.TrailARN,
        region: trail.HomeRegion,
        status: trail.LogFileValidationEnabled === true ? 'pass' : 'fail',
        detail: `${trail.Name}: log file validation is ${trail.LogFileValidationEnabled === true ? 'enabled' : 'disabled'}`,
      })),
      ...missing,
    ];
  },
};
