import type { Finding, Recommendation } from '../types.js';
import { accountInRegion, ec2Arn, instances, nameTag } from './ec2-data.js';

/** Instances that no longer exist (or are about to stop existing) have no metadata service to judge. */
const GONE = new Set(['terminated', 'shutting-down']);

export const imdsv2Required: Recommendation = {
  id: '6.7',
  section: '6',
  title: 'Ensure that the EC2 Metadata Service only allows IMDSv2',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'The instance metadata service hands out the temporary credentials of the instance\'s role. With IMDSv1 still allowed, a server-side request forgery bug or a misconfigured proxy lets an attacker fetch those credentials with one plain GET. IMDSv2 requires a session token obtained by a PUT, which such bugs cannot usually send.',
    verifyConsole: [
      'In EC2 → Instances (each region), select each instance that exists (stopped ones too) and open the Details tab.',
      'IMDSv2 must read Required.',
    ],
    verifyCli: [
      'aws ec2 describe-instances --region <region> --query "Reservations[].Instances[].[InstanceId,State.Name,MetadataOptions]"',
      'For every instance not terminated, MetadataOptions.HttpTokens must be required and MetadataOptions.State applied (or HttpEndpoint disabled, which turns the service off).',
    ],
    remediation: [
      'Check that the software on the instance uses an SDK or agent recent enough for IMDSv2 (the MetadataNoToken CloudWatch metric shows IMDSv1 use).',
      'aws ec2 modify-instance-metadata-options --region <region> --instance-id <id> --http-tokens required --http-endpoint enabled',
      'Make IMDSv2 the default for new launches: set it in launch templates and with aws ec2 modify-instance-metadata-defaults --http-tokens required.',
    ],
  },
  reads: [{ service: 'ec2', operation: 'DescribeInstances', scope: 'regional' }],
  risk: { likelihood: 3, impact: 3, mitigation: 'reduction', mitigationWhy: 'Requiring session tokens closes the credential theft path without changing the workloads.' },
  evaluate(ctx) {
    return ctx.perRegion((region) => {
      const live = instances(ctx, region).filter((i) => !GONE.has(i.State?.Name ?? ''));
      if (live.length === 0) return [{ resource: accountInRegion(ctx, region), region, status: 'pass', detail: `no instances in ${region}` }];
      return live.map((instance): Finding => {
        const resource = ec2Arn(ctx, region, 'instance', instance.InstanceId);
        const label = `${instance.InstanceId}${nameTag(instance.Tags) ? ` (${nameTag(instance.Tags)})` : ''}, ${instance.State?.Name ?? 'state unknown'}`;
        const options = instance.MetadataOptions;
        if (!options) return { resource, region, status: 'error', detail: `${label}: DescribeInstances gave no MetadataOptions` };
        if (options.HttpEndpoint === 'disabled') return { resource, region, status: 'pass', detail: `${label}: the metadata service is turned off` };
        if (options.HttpTokens === 'required' && options.State === 'applied') return { resource, region, status: 'pass', detail: `${label}: IMDSv2 required` };
        if (options.HttpTokens === 'required') {
          return { resource, region, status: 'fail', detail: `${label}: IMDSv2 required but the change is ${options.State ?? 'not confirmed'}, not yet applied` };
        }
        return { resource, region, status: 'fail', detail: `${label}: HttpTokens is ${options.HttpTokens ?? 'unset'}, so IMDSv1 requests without a token are answered` };
      });
    });
  },
};
