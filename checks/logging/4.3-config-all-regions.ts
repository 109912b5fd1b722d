import { judgeAll } from '../requirements.js';
import type { Finding, Recommendation } from '../types.js';

interface ConfigurationRecorder {
  name: string;
  arn?: string;
  roleARN?: string;
  /** Set on service-linked recorders, which record only what their service needs. */
  servicePrincipal?: string;
  recordingGroup?: {
    allSupported?: boolean;
    includeGlobalResourceTypes?: boolean;
    resourceTypes?: string[];
    recordingStrategy?: { useOnly?: string };
    exclusionByResourceTypes?: { resourceTypes?: string[] };
  };
}

interface RecorderStatus {
  name: string;
  recording?: boolean;
  lastStatus?: string;
  lastErrorCode?: string;
  lastStatusChangeTime?: string;
}

interface DescribeRecordersOutput {
  ConfigurationRecorders?: ConfigurationRecorder[];
}

interface DescribeRecorderStatusOutput {
  ConfigurationRecordersStatus?: RecorderStatus[];
}

/** allSupported true records every supported type; a recording strategy other than "all" narrows it. */
function recordsAllTypes(recorder: ConfigurationRecorder): boolean {
  const group = recorder.recordingGroup;
  const strategy = group?.recordingStrategy?.useOnly;
  return group?.allSupported === true && (strategy === undefined || strategy === 'ALL_SUPPORTED_RESOURCE_TYPES');
}

export const configAllRegions: Recommendation = {
  id: '4.3',
  section: '4',
  title: 'Ensure AWS Config is enabled in all regions',
  level: 2,
  assessment: 'automated',
  guidance: {
    protects:
      'AWS Config keeps a history of how every resource was configured and how resources relate to each other. After an incident it answers what a security group or bucket policy looked like at a given moment, and it powers rules that flag drift as it happens. A region without a recorder is a blind spot where changes leave no configuration history.',
    verifyConsole: [
      'Open AWS Config in each region in scope and go to Settings.',
      'Recording must be on, with the recording strategy set to all resource types supported in the region.',
      'In at least one region, global resources (IAM users, groups, roles and policies) must be included.',
      'Check the delivery channel names the intended S3 bucket and SNS topic.',
    ],
    verifyCli: [
      'For each region: aws configservice describe-configuration-recorders --region <region>: every recorder\'s recordingGroup must have "allSupported": true, and one recorder somewhere must have "includeGlobalResourceTypes": true.',
      'aws configservice describe-configuration-recorder-status --region <region>: each of those recorders must show "recording": true and "lastStatus": "SUCCESS".',
    ],
    remediation: [
      'Prepare an S3 bucket, an SNS topic and the Config service-linked role (or an IAM role for Config).',
      'aws configservice put-configuration-recorder --region <region> --configuration-recorder name=default,roleARN=<role-arn> --recording-group allSupported=true,includeGlobalResourceTypes=true (include global types in one region only).',
      'aws configservice put-delivery-channel --region <region> --delivery-channel file://channel.json, naming the bucket and topic.',
      'aws configservice start-configuration-recorder --region <region> --configuration-recorder-name default, and repeat for every region.',
    ],
  },
  reads: [
    { service: 'configservice', operation: 'DescribeConfigurationRecorders', scope: 'regional' },
    { service: 'configservice', operation: 'DescribeConfigurationRecorderStatus', scope: 'regional' },
  ],
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'Recorded configuration history makes changes visible and investigations possible.' },
  evaluate(ctx) {
    const globalRecorders: string[] = [];
    const recordersUnknown: string[] = [];
    const regional = ctx.perRegion((region): Finding[] => {
      let listed: DescribeRecordersOutput;
      try {
        listed = ctx.output<DescribeRecordersOutput>('configservice', 'DescribeConfigurationRecorders', { region });
      } catch (err) {
        recordersUnknown.push(region);
        throw err;
      }
      const recorders = (listed.ConfigurationRecorders ?? []).filter((r) => !r.servicePrincipal);
      if (recorders.length === 0) return [{ resource: ctx.account, region, status: 'fail', detail: `no AWS Config recorder in ${region}` }];
      // Read only when a recorder's own settings do not already fail it.
      const statusOf = (name: string) =>
        (ctx.output<DescribeRecorderStatusOutput>('configservice', 'DescribeConfigurationRecorderStatus', { region }).ConfigurationRecordersStatus ?? []).find((s) => s.name === name);
      return recorders.map((recorder): Finding => {
        if (recorder.recordingGroup?.includeGlobalResourceTypes === true) globalRecorders.push(`${recorder.name} in ${region}`);
        const resource = recorder.arn ?? ctx.arn('config', region, `configuration-recorder/${recorder.name}`);
        const judgement = judgeAll([
          () => (recordsAllTypes(recorder) ? undefined : 'does not record all supported resource types'),
          () => (statusOf(recorder.name)?.recording === true ? undefined : 'is not recording'),
          () => {
            const status = statusOf(recorder.name);
            if (status?.lastStatus?.toUpperCase() === 'SUCCESS') return undefined;
            return `last status is ${status?.lastStatus ?? 'unknown'}${status?.lastErrorCode ? ` (${status.lastErrorCode})` : ''}`;
          },
        ]);
        if (judgement.kind === 'met') return { resource, region, status: 'pass', detail: `recorder ${recorder.name} records all supported resource types and its last status is SUCCESS` };
        if (judgement.kind === 'unmet') return { resource, region, status: 'fail', detail: `recorder ${recorder.name} ${judgement.reasons.join(', ')}` };
        const unread = judgement.kind === 'unknown' ? judgement.missing[0]?.message : judgement.held[0]?.message;
        return { resource, region, status: 'error', detail: `recorder ${recorder.name} records all supported resource types, but its status is unknown — ${unread ?? 'not collected'}` };
      });
    });
    // Only a region whose recorders could not be listed can hide a recorder of global types.
    const global: Finding =
      globalRecorders.length > 0
        ? { resource: ctx.account, region: 'global', status: 'pass', detail: `global resource types (IAM) are recorded by ${globalRecorders.join(', ')}` }
        : recordersUnknown.length > 0
          ? { resource: ctx.account, region: 'global', status: 'error', detail: 'no recorder seen includes global resource types, but some regions could not be read' }
          : { resource: ctx.account, region: 'global', status: 'fail', detail: 'no recorder in any region includes global resource types (IAM)' };
    return [...regional, global];
  },
};
