import { MissingInput, type CheckContext } from '../context.js';
import type { Finding, Recommendation } from '../types.js';
import { attempt } from '../requirements.js';

interface Ec2Instance {
  InstanceId: string;
  IamInstanceProfile?: { Arn?: string; Id?: string };
  State?: { Name?: string };
  Tags?: { Key?: string; Value?: string }[];
}
interface DescribeInstancesOutput {
  Reservations?: { Instances?: Ec2Instance[] }[];
}
interface ListInstanceProfilesOutput {
  InstanceProfiles?: { InstanceProfileName: string; Arn: string; Roles?: { RoleName: string; Arn?: string }[] }[];
}

function label(instance: Ec2Instance): string {
  const name = instance.Tags?.find((t) => t.Key === 'Name')?.Value;
  return name ? `${instance.InstanceId} "${name}"` : instance.InstanceId;
}

function instanceProfiles(ctx: CheckContext): Map<string, { name: string; roles: string[] }> {
  const profiles = ctx.output<ListInstanceProfilesOutput>('iam', 'ListInstanceProfiles').InstanceProfiles ?? [];
  return new Map(profiles.map((p) => [p.Arn, { name: p.InstanceProfileName, roles: (p.Roles ?? []).map((r) => r.RoleName) }]));
}

export const instanceRoles: Recommendation = {
  id: '2.17',
  section: '2',
  title: 'Ensure IAM instance roles are used for AWS resource access from instances',
  level: 2,
  assessment: 'automated',
  guidance: {
    protects:
      'Keys stored on an instance (in code, config files or environment variables) can be copied and used from anywhere, and they rarely get rotated because changing them risks an outage. An instance role hands the instance short-lived credentials that rotate by themselves and are only usable through that instance. An attacker then has to hold the instance, not just read a file.',
    verifyConsole: [
      'In EC2 → Instances, select each instance and open the Security tab.',
      'IAM Role must name a role; "No roles attached to instance profile" means the profile is empty.',
      'Scan the instances for stored AWS keys (e.g. with a secret scanner such as TruffleHog); any found must be replaced by the role.',
    ],
    verifyCli: [
      'In every region: aws ec2 describe-instances --query "Reservations[*].Instances[*].[InstanceId, IamInstanceProfile.Arn]"',
      'Every instance must have an IamInstanceProfile; aws iam list-instance-profiles shows that the profile holds a role.',
    ],
    remediation: [
      'Create a role for the workload with only the rights it needs, and an instance profile holding it.',
      'Attach it: aws ec2 associate-iam-instance-profile --instance-id ID --iam-instance-profile Name=PROFILE (per region).',
      'Remove any keys stored on the instance and deactivate them in IAM.',
    ],
  },
  reads: [
    { service: 'ec2', operation: 'DescribeInstances', scope: 'regional' },
    { service: 'iam', operation: 'ListInstanceProfiles', scope: 'global' },
  ],
  risk: {
    likelihood: 2,
    impact: 3,
    mitigation: 'reduction',
    mitigationWhy: 'Short-lived role credentials replace long-lived keys that can be copied off the instance.',
  },
  evaluate(ctx) {
    // Needed only for instances that have a profile; without it those become errors, the rest are still judged.
    const profiles = attempt(() => instanceProfiles(ctx));
    return ctx.perRegion((region): Finding[] => {
      const instances = (ctx.output<DescribeInstancesOutput>('ec2', 'DescribeInstances', { region }).Reservations ?? [])
        .flatMap((r) => r.Instances ?? [])
        // Terminated instances linger in the listing for a while but run nothing.
        .filter((i) => i.State?.Name !== 'terminated');
      if (instances.length === 0) return [{ resource: ctx.account, region, status: 'pass', detail: `no instances in ${region}` }];
      return instances.map((instance): Finding => {
        const base = { resource: ctx.arn('ec2', region, `instance/${instance.InstanceId}`), region };
        const profileArn = instance.IamInstanceProfile?.Arn;
        if (!profileArn) return { ...base, status: 'fail', detail: `${label(instance)} has no instance profile, so no role` };
        if (profiles instanceof MissingInput) return { ...base, status: 'error', detail: `${label(instance)} uses ${profileArn}; whether it holds a role is unknown — ${profiles.message}` };
        const found = profiles.get(profileArn);
        if (!found) return { ...base, status: 'error', detail: `${label(instance)} uses ${profileArn}, which iam ListInstanceProfiles does not list` };
        if (found.roles.length === 0) return { ...base, status: 'fail', detail: `${label(instance)} uses instance profile ${found.name}, which holds no role` };
        return { ...base, status: 'pass', detail: `${label(instance)} uses instance profile ${found.name} with role ${found.roles.join(', ')}` };
      });
    });
  },
};
