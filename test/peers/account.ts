import * as cloudtrail from '@aws-sdk/client-cloudtrail';
import * as cloudwatch from '@aws-sdk/client-cloudwatch';
import * as logs from '@aws-sdk/client-cloudwatch-logs';
import * as config from '@aws-sdk/client-config-service';
import * as ec2 from '@aws-sdk/client-ec2';
import * as efs from '@aws-sdk/client-efs';
import * as iam from '@aws-sdk/client-iam';
import * as kms from '@aws-sdk/client-kms';
import * as rds from '@aws-sdk/client-rds';
import * as s3 from '@aws-sdk/client-s3';
import * as s3control from '@aws-sdk/client-s3-control';
import * as securityhub from '@aws-sdk/client-securityhub';
import * as sns from '@aws-sdk/client-sns';
import { MOTO_ACCOUNT, motoEnv } from './moto-server.js';

/**
 * An account in moto, built with the AWS SDK for JavaScript the way an administrator would build
 * it: some things as the benchmark recommends, some not, in two regions. Names are fixed; the ids
 * moto makes up (VPCs, instances, keys) are returned. This is test code writing to the emulator
 * only — it never goes through Assay's read-only collector.
 */

export const HOME = 'us-east-1';
export const OTHER = 'eu-west-1';
export const REGIONS = [HOME, OTHER] as const;
export type Region = (typeof REGIONS)[number];

/** The CIS metric filters this account has: the trail's log group, one per recommendation. */
export const FILTER_PATTERNS = {
  '5.1': '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
  '5.2': '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
  '5.3': '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
  '5.4':
    '{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}',
  '5.5': '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }',
  '5.6': '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
} as const;
export type MonitoredRecommendation = keyof typeof FILTER_PATTERNS;

/** Subscribers of the alarm topic: more than one page of ListSubscriptionsByTopic. */
export const ON_CALL_SUBSCRIBERS = 120;

/**
 * How far each chain is built: `alarmed` — filter, alarm on its metric, topic with a confirmed
 * subscriber; `unsubscribed` — the alarm notifies a topic nobody subscribes to; `unalarmed` —
 * a filter and no alarm; `wrong-dimensions` — the alarm watches the metric with a dimension the
 * filter does not publish, so it never sees a data point. 5.7–5.15 have no filter at all.
 */
export const CHAINS: Record<MonitoredRecommendation, 'alarmed' | 'unsubscribed' | 'unalarmed' | 'wrong-dimensions'> = {
  '5.1': 'alarmed',
  '5.2': 'alarmed',
  '5.3': 'alarmed',
  '5.4': 'unsubscribed',
  '5.5': 'unalarmed',
  '5.6': 'wrong-dimensions',
};

export interface BuiltAccount {
  account: string;
  regions: readonly Region[];
  users: {
    /** Console password and an enabled virtual MFA device; permissions through a group. */
    console: string;
    /** Console password, no MFA, one access key. */
    consoleNoMfa: string;
    /** Two active access keys, no password. */
    twoKeys: string;
    /** The admin policy attached to the user directly. */
    admin: string;
    /** An inline policy. */
    inline: string;
  };
  adminPolicyArn: string;
  supportRole: string;
  buckets: {
    /** The trail's bucket (us-east-1): denies plain HTTP, blocks public access, logs access. */
    trail: string;
    /** eu-west-1, no policy, no public access block. */
    open: string;
    /** us-east-1, a policy whose Deny on plain HTTP also needs a TLS-version condition. */
    narrowDeny: string;
  };
  trail: { name: string; arn: string; logGroupName: string; logGroupArn: string; kmsKeyArn: string; topicArn: string; unsubscribedTopicArn: string };
  /** A single-region trail in eu-west-1: no validation, no encryption, not logging. */
  regionalTrail: { name: string; arn: string };
  keys: Record<Region, { rotated: string; notRotated: string }>;
  vpcs: Record<Region, { default: string; custom: string; withFlowLogs: string[] }>;
  securityGroups: Record<Region, { ssh?: string; rdp?: string; cifs?: string }>;
  instances: Record<Region, { withProfileImdsv2: string; noProfileImdsv1: string } | undefined>;
  databases: Record<Region, string>;
  fileSystems: Record<Region, string>;
  configRecorder: { region: Region; name: string };
}

interface Clients {
  iam: iam.IAMClient;
  s3: Record<Region, s3.S3Client>;
  s3control: s3control.S3ControlClient;
  cloudtrail: Record<Region, cloudtrail.CloudTrailClient>;
  logs: logs.CloudWatchLogsClient;
  cloudwatch: cloudwatch.CloudWatchClient;
  sns: sns.SNSClient;
  kms: Record<Region, kms.KMSClient>;
  ec2: Record<Region, ec2.EC2Client>;
  rds: Record<Region, rds.RDSClient>;
  efs: Record<Region, efs.EFSClient>;
  config: config.ConfigServiceClient;
  securityhub: securityhub.SecurityHubClient;
}

function clientsFor(endpoint: string): Clients {
  // The SDK's once-per-process notice about future Node versions; the collector silences it the same way.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const env = motoEnv(endpoint);
  const base = (region: string) => ({
    region,
    endpoint,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!, secretAccessKey: env.AWS_SECRET_ACCESS_KEY! },
  });
  const perRegion = <T>(make: (region: Region) => T) => ({ [HOME]: make(HOME), [OTHER]: make(OTHER) }) as Record<Region, T>;
  return {
    iam: new iam.IAMClient(base(HOME)),
    s3: perRegion((region) => new s3.S3Client({ ...base(region), forcePathStyle: true })),
    // The account id would otherwise be put in front of the emulator's host name.
    s3control: new s3control.S3ControlClient({ ...base(HOME), disableHostPrefix: true, endpointProvider: () => ({ url: new URL(endpoint) }) }),
    cloudtrail: perRegion((region) => new cloudtrail.CloudTrailClient(base(region))),
    logs: new logs.CloudWatchLogsClient(base(HOME)),
    cloudwatch: new cloudwatch.CloudWatchClient(base(HOME)),
    sns: new sns.SNSClient(base(HOME)),
    kms: perRegion((region) => new kms.KMSClient(base(region))),
    ec2: perRegion((region) => new ec2.EC2Client(base(region))),
    rds: perRegion((region) => new rds.RDSClient(base(region))),
    efs: perRegion((region) => new efs.EFSClient(base(region))),
    config: new config.ConfigServiceClient(base(HOME)),
    securityhub: new securityhub.SecurityHubClient(base(HOME)),
  };
}

const json = (value: unknown) => JSON.stringify(value);
const allow = (action: string | string[], resource: string | string[] = '*') => json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });

async function buildIam(c: Clients): Promise<Pick<BuiltAccount, 'users' | 'adminPolicyArn' | 'supportRole'>> {
  const users = { console: 'alice', consoleNoMfa: 'bob', twoKeys: 'carol', admin: 'deploy', inline: 'dave' };
  // Minimum length below 14 (2.7 fails); reuse of the last 24 passwords prevented (2.8 passes).
  await c.iam.send(new iam.UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 8, PasswordReusePrevention: 24, RequireSymbols: true, RequireNumbers: true }));
  for (const UserName of Object.values(users)) await c.iam.send(new iam.CreateUserCommand({ UserName }));

  for (const UserName of [users.console, users.consoleNoMfa]) {
    await c.iam.send(new iam.CreateLoginProfileCommand({ UserName, Password: 'Correct-Horse-Battery-9', PasswordResetRequired: false }));
  }
  const device = await c.iam.send(new iam.CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: users.console }));
  const serial = device.VirtualMFADevice?.SerialNumber;
  if (!serial) throw new Error('moto created no virtual MFA device');
  await c.iam.send(new iam.EnableMFADeviceCommand({ UserName: users.console, SerialNumber: serial, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }));

  await c.iam.send(new iam.CreateAccessKeyCommand({ UserName: users.consoleNoMfa }));
  await c.iam.send(new iam.CreateAccessKeyCommand({ UserName: users.twoKeys }));
  await c.iam.send(new iam.CreateAccessKeyCommand({ UserName: users.twoKeys }));
  await c.iam.send(new iam.CreateAccessKeyCommand({ UserName: users.admin }));

  // Permissions through a group (what 2.14 asks for), with a narrow customer managed policy.
  const readLogs = await c.iam.send(new iam.CreatePolicyCommand({ PolicyName: 'read-logs', PolicyDocument: allow(['logs:Describe*', 'logs:Get*'], '*') }));
  await c.iam.send(new iam.CreateGroupCommand({ GroupName: 'operators' }));
  await c.iam.send(new iam.AttachGroupPolicyCommand({ GroupName: 'operators', PolicyArn: readLogs.Policy!.Arn! }));
  await c.iam.send(new iam.AddUserToGroupCommand({ GroupName: 'operators', UserName: users.console }));

  // Full administrative rights, attached straight to a user (2.14 and 2.15 fail).
  const admin = await c.iam.send(new iam.CreatePolicyCommand({ PolicyName: 'full-admin', PolicyDocument: allow('*', '*') }));
  const adminPolicyArn = admin.Policy!.Arn!;
  await c.iam.send(new iam.AttachUserPolicyCommand({ UserName: users.admin, PolicyArn: adminPolicyArn }));
  await c.iam.send(new iam.PutUserPolicyCommand({ UserName: users.inline, PolicyName: 'own-bucket', PolicyDocument: allow('s3:GetObject', 'arn:aws:s3:::team-data/*') }));

  // The support role (2.16): AWS's managed policy, which moto loads when started with MOTO_IAM_LOAD_MANAGED_POLICIES.
  const supportRole = 'incident-support';
  await c.iam.send(
    new iam.CreateRoleCommand({
      RoleName: supportRole,
      AssumeRolePolicyDocument: json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MOTO_ACCOUNT}:root` }, Action: 'sts:AssumeRole' }] }),
    }),
  );
  await c.iam.send(new iam.AttachRolePolicyCommand({ RoleName: supportRole, PolicyArn: 'arn:aws:iam::aws:policy/AWSSupportAccess' }));
  return { users, adminPolicyArn, supportRole };
}

const denyPlainHttp = (bucket: string, extraCondition: Record<string, Record<string, string>> = {}) => ({
  Sid: 'DenyPlainHttp',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' }, ...extraCondition },
});

// moto accepts a logging target only with this statement, and reads statements in order up to it
// (a statement with `"Principal": "*"` before it makes moto fail), so it comes first.
const allowLogDelivery = (bucket: string, prefix: string) => ({
  Sid: 'AllowLogDelivery',
  Effect: 'Allow',
  Principal: { Service: 'logging.s3.amazonaws.com' },
  Action: ['s3:PutObject'],
  Resource: `arn:aws:s3:::${bucket}/${prefix}*`,
});

const policy = (...statements: object[]) => json({ Version: '2012-10-17', Statement: statements });

const BLOCK_ALL = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

async function buildBuckets(c: Clients): Promise<BuiltAccount['buckets']> {
  const buckets = { trail: 'assay-trail-logs', open: 'assay-open-eu', narrowDeny: 'assay-narrow-deny' };
  await c.s3[HOME].send(new s3.CreateBucketCommand({ Bucket: buckets.trail }));
  await c.s3[HOME].send(new s3.CreateBucketCommand({ Bucket: buckets.narrowDeny }));
  await c.s3[OTHER].send(new s3.CreateBucketCommand({ Bucket: buckets.open, CreateBucketConfiguration: { LocationConstraint: OTHER } }));

  await c.s3[HOME].send(new s3.PutBucketPolicyCommand({ Bucket: buckets.trail, Policy: policy(denyPlainHttp(buckets.trail)) }));
  // Its Deny applies only to requests both plain HTTP and below TLS 1.2, which may never happen: 3.1.1 does not count it.
  const accessLogPrefix = 'trail-access/';
  await c.s3[HOME].send(
    new s3.PutBucketPolicyCommand({
      Bucket: buckets.narrowDeny,
      Policy: policy(allowLogDelivery(buckets.narrowDeny, accessLogPrefix), denyPlainHttp(buckets.narrowDeny, { NumericLessThan: { 's3:TlsVersion': '1.2' } })),
    }),
  );
  await c.s3[HOME].send(new s3.PutPublicAccessBlockCommand({ Bucket: buckets.trail, PublicAccessBlockConfiguration: BLOCK_ALL }));
  await c.s3[HOME].send(new s3.PutPublicAccessBlockCommand({ Bucket: buckets.narrowDeny, PublicAccessBlockConfiguration: BLOCK_ALL }));
  // Versioning without MFA Delete on the trail bucket; the open bucket's versioning was never set.
  await c.s3[HOME].send(new s3.PutBucketVersioningCommand({ Bucket: buckets.trail, VersioningConfiguration: { Status: 'Enabled' } }));
  await c.s3[HOME].send(new s3.PutBucketLoggingCommand({ Bucket: buckets.trail, BucketLoggingStatus: { LoggingEnabled: { TargetBucket: buckets.narrowDeny, TargetPrefix: accessLogPrefix } } }));

  // The account-level block covers ACLs only, so each bucket's own block still decides (3.1.4).
  await c.s3control.send(
    new s3control.PutPublicAccessBlockCommand({
      AccountId: MOTO_ACCOUNT,
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false },
    }),
  );
  return buckets;
}

async function buildKeys(c: Clients): Promise<BuiltAccount['keys']> {
  const keys = {} as BuiltAccount['keys'];
  for (const region of REGIONS) {
    const rotated = await c.kms[region].send(new kms.CreateKeyCommand({ Description: `rotated ${region}` }));
    const notRotated = await c.kms[region].send(new kms.CreateKeyCommand({ Description: `not rotated ${region}` }));
    await c.kms[region].send(new kms.EnableKeyRotationCommand({ KeyId: rotated.KeyMetadata!.KeyId! }));
    keys[region] = { rotated: rotated.KeyMetadata!.Arn!, notRotated: notRotated.KeyMetadata!.Arn! };
  }
  return keys;
}

async function buildTrails(c: Clients, bucket: string, kmsKeyArn: string): Promise<Pick<BuiltAccount, 'trail' | 'regionalTrail'>> {
  const logGroupName = 'cloudtrail/assay-main';
  await c.logs.send(new logs.CreateLogGroupCommand({ logGroupName }));
  const group = (await c.logs.send(new logs.DescribeLogGroupsCommand({ logGroupNamePrefix: logGroupName }))).logGroups?.find((g) => g.logGroupName === logGroupName);
  const logGroupArn = group?.arn?.endsWith(':*') ? group.arn : `${group?.arn}:*`;
  const role = await c.iam.send(
    new iam.CreateRoleCommand({
      RoleName: 'cloudtrail-to-logs',
      AssumeRolePolicyDocument: json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    }),
  );
  const name = 'assay-main';
  const created = await c.cloudtrail[HOME].send(
    new cloudtrail.CreateTrailCommand({
      Name: name,
      S3BucketName: bucket,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      KmsKeyId: kmsKeyArn,
      CloudWatchLogsLogGroupArn: logGroupArn,
      CloudWatchLogsRoleArn: role.Role!.Arn!,
    }),
  );
  await c.cloudtrail[HOME].send(new cloudtrail.StartLoggingCommand({ Name: name }));
  // Management events read and write; S3 object writes in every bucket, not reads (4.8 passes, 4.9 fails).
  await c.cloudtrail[HOME].send(
    new cloudtrail.PutEventSelectorsCommand({
      TrailName: name,
      EventSelectors: [
        { ReadWriteType: 'All', IncludeManagementEvents: true },
        { ReadWriteType: 'WriteOnly', IncludeManagementEvents: false, DataResources: [{ Type: 'AWS::S3::Object', Values: ['arn:aws:s3'] }] },
      ],
    }),
  );

  const topic = await c.sns.send(new sns.CreateTopicCommand({ Name: 'security-alarms' }));
  const topicArn = topic.TopicArn!;
  // An on-call rota of more subscribers than one page holds (moto pages by 100): the listing must be followed to its end.
  for (let n = 0; n < ON_CALL_SUBSCRIBERS; n++) await c.sns.send(new sns.SubscribeCommand({ TopicArn: topicArn, Protocol: 'sms', Endpoint: `+1555555${String(n).padStart(4, '0')}` }));
  const unsubscribed = await c.sns.send(new sns.CreateTopicCommand({ Name: 'nobody-listens' }));
  const unsubscribedTopicArn = unsubscribed.TopicArn!;

  /** A CIS-style chain link: a filter on the group publishing `metricName` (count 1 per match) in CISBenchmark. */
  const putFilter = (group: string, metricName: string, filterPattern: string) =>
    c.logs.send(new logs.PutMetricFilterCommand({ logGroupName: group, filterName: metricName, filterPattern, metricTransformations: [{ metricName, metricNamespace: 'CISBenchmark', metricValue: '1' }] }));
  /** An alarm on any one match of that metric, notifying the topic. */
  const putAlarm = (metricName: string, notify: string, dimensions?: cloudwatch.Dimension[]) =>
    c.cloudwatch.send(
      new cloudwatch.PutMetricAlarmCommand({
        AlarmName: `${metricName}-alarm`,
        MetricName: metricName,
        Namespace: 'CISBenchmark',
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        AlarmActions: [notify],
        ...(dimensions ? { Dimensions: dimensions } : {}),
      }),
    );

  for (const [rec, pattern] of Object.entries(FILTER_PATTERNS) as [MonitoredRecommendation, string][]) {
    const metricName = `cis-${rec.replace('.', '-')}`;
    await putFilter(logGroupName, metricName, pattern);
    const chain = CHAINS[rec];
    if (chain === 'unalarmed') continue;
    await putAlarm(metricName, chain === 'unsubscribed' ? unsubscribedTopicArn : topicArn, chain === 'wrong-dimensions' ? [{ Name: 'Service', Value: 'signin' }] : undefined);
  }

  // A metric filter on another log group, whose alarm is complete: it must not complete any chain of the trail.
  await c.logs.send(new logs.CreateLogGroupCommand({ logGroupName: 'app/unrelated' }));
  await putFilter('app/unrelated', 'cis-5-7', '{ ($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }');
  await putAlarm('cis-5-7', topicArn);

  // eu-west-1's own trail: single-region, no log file validation, no KMS key, never started.
  const regional = await c.cloudtrail[OTHER].send(new cloudtrail.CreateTrailCommand({ Name: 'assay-eu-only', S3BucketName: bucket }));

  return {
    trail: { name, arn: created.TrailARN!, logGroupName, logGroupArn, kmsKeyArn, topicArn, unsubscribedTopicArn },
    regionalTrail: { name: 'assay-eu-only', arn: regional.TrailARN! },
  };
}

const ANYWHERE = [{ CidrIp: '0.0.0.0/0' }];

async function buildNetworks(c: Clients, instanceProfileArn: string, flowLogBucket: string): Promise<Pick<BuiltAccount, 'vpcs' | 'securityGroups' | 'instances'>> {
  const vpcs = {} as BuiltAccount['vpcs'];
  const securityGroups = {} as BuiltAccount['securityGroups'];
  const instances = {} as BuiltAccount['instances'];
  for (const region of REGIONS) {
    const client = c.ec2[region];
    const defaultVpc = (await client.send(new ec2.DescribeVpcsCommand({ Filters: [{ Name: 'isDefault', Values: ['true'] }] }))).Vpcs?.[0]?.VpcId;
    if (!defaultVpc) throw new Error(`moto has no default VPC in ${region}`);
    const custom = (await client.send(new ec2.CreateVpcCommand({ CidrBlock: '10.20.0.0/16' }))).Vpc!.VpcId!;
    const subnet = (await client.send(new ec2.CreateSubnetCommand({ VpcId: custom, CidrBlock: '10.20.1.0/24' }))).Subnet!.SubnetId!;
    // Flow logs on the default VPC only: the custom VPC has none (4.7 fails). moto looks a
    // destination with a folder up as a bucket of that name, so the logs go to the bucket's top.
    const flowLogs = await client.send(
      new ec2.CreateFlowLogsCommand({ ResourceIds: [defaultVpc], ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 's3', LogDestination: `arn:aws:s3:::${flowLogBucket}` }),
    );
    if (flowLogs.Unsuccessful?.length) throw new Error(`moto refused the flow log in ${region}: ${JSON.stringify(flowLogs.Unsuccessful)}`);
    vpcs[region] = { default: defaultVpc, custom, withFlowLogs: [defaultVpc] };

    // A NACL that denies SSH from anywhere before it allows the rest (its own rules pass 6.2; the default NACLs allow everything).
    const nacl = (await client.send(new ec2.CreateNetworkAclCommand({ VpcId: custom }))).NetworkAcl!.NetworkAclId!;
    await client.send(new ec2.CreateNetworkAclEntryCommand({ NetworkAclId: nacl, RuleNumber: 100, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } }));
    await client.send(new ec2.CreateNetworkAclEntryCommand({ NetworkAclId: nacl, RuleNumber: 200, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '10.0.0.0/8', PortRange: { From: 0, To: 65535 } }));

    const group = async (name: string, port: number, ranges: { CidrIp: string }[]) => {
      const id = (await client.send(new ec2.CreateSecurityGroupCommand({ GroupName: name, Description: name, VpcId: custom }))).GroupId!;
      await client.send(new ec2.AuthorizeSecurityGroupIngressCommand({ GroupId: id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: port, ToPort: port, IpRanges: ranges }] }));
      return id;
    };
    securityGroups[region] =
      region === HOME
        ? { ssh: await group('ssh-anywhere', 22, ANYWHERE), cifs: await group('cifs-internal', 445, [{ CidrIp: '10.0.0.0/8' }]) }
        : { rdp: await group('rdp-anywhere', 3389, ANYWHERE) };

    if (region === HOME) {
      const images = (await client.send(new ec2.DescribeImagesCommand({ Owners: ['amazon'] }))).Images ?? [];
      const image = images.map((i) => i.ImageId!).sort()[0];
      if (!image) throw new Error(`moto has no AMI in ${region}`);
      const run = (options: Partial<ec2.RunInstancesCommandInput>) =>
        client.send(new ec2.RunInstancesCommand({ ImageId: image, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: subnet, ...options })).then((r) => r.Instances![0]!.InstanceId!);
      instances[region] = {
        withProfileImdsv2: await run({ IamInstanceProfile: { Arn: instanceProfileArn }, MetadataOptions: { HttpTokens: 'required', HttpEndpoint: 'enabled' } }),
        noProfileImdsv1: await run({ MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled' } }),
      };
    } else {
      instances[region] = undefined;
    }
  }
  // EBS encryption by default in us-east-1 only (6.1.1 fails in eu-west-1).
  await c.ec2[HOME].send(new ec2.EnableEbsEncryptionByDefaultCommand({}));
  return { vpcs, securityGroups, instances };
}

async function buildInstanceProfile(c: Clients): Promise<string> {
  await c.iam.send(
    new iam.CreateRoleCommand({
      RoleName: 'app-server',
      AssumeRolePolicyDocument: json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    }),
  );
  const profile = await c.iam.send(new iam.CreateInstanceProfileCommand({ InstanceProfileName: 'app-server' }));
  await c.iam.send(new iam.AddRoleToInstanceProfileCommand({ InstanceProfileName: 'app-server', RoleName: 'app-server' }));
  return profile.InstanceProfile!.Arn!;
}

async function buildDatabases(c: Clients): Promise<BuiltAccount['databases']> {
  // us-east-1: encrypted, private, minor upgrades on; eu-west-1: none of those (3.2.1–3.2.3 fail there).
  const make = (region: Region, id: string, good: boolean) =>
    c.rds[region].send(
      new rds.CreateDBInstanceCommand({
        DBInstanceIdentifier: id,
        DBInstanceClass: 'db.t3.micro',
        Engine: 'postgres',
        AllocatedStorage: 20,
        MasterUsername: 'app',
        MasterUserPassword: 'not-a-real-secret-1',
        StorageEncrypted: good,
        PubliclyAccessible: !good,
        AutoMinorVersionUpgrade: good,
        MultiAZ: false,
      }),
    );
  const databases = { [HOME]: 'orders-db', [OTHER]: 'reports-db' } as BuiltAccount['databases'];
  await make(HOME, databases[HOME], true);
  await make(OTHER, databases[OTHER], false);
  return databases;
}

async function buildFileSystems(c: Clients): Promise<BuiltAccount['fileSystems']> {
  const home = await c.efs[HOME].send(new efs.CreateFileSystemCommand({ CreationToken: 'shared-home', Encrypted: true }));
  const other = await c.efs[OTHER].send(new efs.CreateFileSystemCommand({ CreationToken: 'shared-eu', Encrypted: false }));
  return { [HOME]: home.FileSystemId!, [OTHER]: other.FileSystemId! } as BuiltAccount['fileSystems'];
}

async function buildConfig(c: Clients, bucket: string): Promise<BuiltAccount['configRecorder']> {
  // us-east-1 records everything and is started; eu-west-1 has no recorder (4.3 fails there).
  const name = 'default';
  await c.config.send(
    new config.PutConfigurationRecorderCommand({
      ConfigurationRecorder: { name, roleARN: `arn:aws:iam::${MOTO_ACCOUNT}:role/config-recorder`, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } },
    }),
  );
  await c.config.send(new config.PutDeliveryChannelCommand({ DeliveryChannel: { name, s3BucketName: bucket } }));
  await c.config.send(new config.StartConfigurationRecorderCommand({ ConfigurationRecorderName: name }));
  return { region: HOME, name };
}

export async function buildAccount(endpoint: string): Promise<BuiltAccount> {
  const c = clientsFor(endpoint);
  try {
    const identity = await buildIam(c);
    const buckets = await buildBuckets(c);
    const keys = await buildKeys(c);
    const trails = await buildTrails(c, buckets.trail, keys[HOME].rotated);
    const instanceProfileArn = await buildInstanceProfile(c);
    const networks = await buildNetworks(c, instanceProfileArn, buckets.trail);
    const databases = await buildDatabases(c);
    const fileSystems = await buildFileSystems(c);
    const configRecorder = await buildConfig(c, buckets.trail);
    // Security Hub in us-east-1 only (5.16 fails in eu-west-1).
    await c.securityhub.send(new securityhub.EnableSecurityHubCommand({ EnableDefaultStandards: false }));
    return { account: MOTO_ACCOUNT, regions: REGIONS, ...identity, buckets, keys, ...trails, ...networks, databases, fileSystems, configRecorder };
  } finally {
    for (const client of Object.values(c).flatMap((v: object) => ('send' in v ? [v] : Object.values(v))) as { destroy(): void }[]) client.destroy();
  }
}
