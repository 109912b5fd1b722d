/**
 * The collection plan: every AWS call the checks read, as data. Two executors follow it — the live
 * collector (SDK v3, src/collect/collector.ts) and the CloudShell script (AWS CLI + jq,
 * src/collect/script.ts) — so both record the same calls with the same parameters.
 *
 * The calls follow the benchmark's command-line audit steps: list and describe operations once per
 * region without filters, calls about one resource with only its identifier (DESIGN.md ⚑ snapshot).
 */

/** Where global services (IAM, account, organizations, S3 bucket listing, S3 Control) are called and recorded. */
export const GLOBAL_REGION = 'us-east-1';

/**
 * Takes one value out of an earlier call: a member of the item being expanded (`item`, a dot path;
 * `''` is the item itself) or a request member of the earlier call (`param`), optionally reshaped by `as`.
 */
export type Pick = { item: string; as?: Reshape } | { param: string; as?: Reshape };

/**
 * - `arnRegion`: the region inside an ARN (`arn:aws:logs:eu-west-1:…` → `eu-west-1`).
 * - `logGroupName`: the name inside a CloudWatch Logs group ARN (`…:log-group:NAME:*` → `NAME`).
 * - `bucketRegion`: a GetBucketLocation `LocationConstraint` as a region (empty → us-east-1, `EU` → eu-west-1).
 * - `snsTopic`: the ARN when it names an SNS topic, nothing otherwise (alarm actions also name other targets).
 */
export type Reshape = 'arnRegion' | 'logGroupName' | 'bucketRegion' | 'snsTopic';

/** Repeats a call until its answer is final (the credential report being generated). */
export interface Poll {
  /** Stop once the output member at this dot path has this value. */
  until?: { path: string; equals: string };
  /** Keep asking while the call fails with one of these codes. */
  whileError?: string[];
  attempts: number;
  intervalSeconds: number;
}

interface StepBase {
  /** Unique within the plan; derived steps name their source by it. */
  id: string;
  /** AWS CLI command name, as recorded in snapshots. */
  service: string;
  /** API operation name (PascalCase). */
  operation: string;
  poll?: Poll;
}

/** A call made once (`global`, in GLOBAL_REGION) or once in every region in scope (`regional`). */
export interface RootStep extends StepBase {
  scope: 'global' | 'regional';
  /** Fixed request members; strings may hold `{account}` and `{partition}`, filled in at run time. */
  params?: Record<string, unknown>;
  /** Made only once every call of that (root) step has finished. */
  after?: string;
}

/** Calls about resources that an earlier call listed: one per item of its output. */
export interface DerivedStep extends StepBase {
  scope: 'derived';
  /** The step whose successful outputs name the resources. */
  from: string;
  /**
   * Dot path of lists in the source output, flattened: one call per item (`MetricAlarms.AlarmActions`
   * is every action of every alarm). Absent: the output itself is the one item.
   */
  each?: string;
  /** Only items whose member at the dot path equals the string, or is present and non-empty (`true`). */
  where?: Record<string, string | true>;
  /** The request members, each picked from the item or from the source call's request. */
  params: Record<string, Pick>;
  /** Where to send the call: GLOBAL_REGION, the source call's region, or a value picked from the item. */
  region: 'global' | 'source' | Pick;
}

export type PlanStep = RootStep | DerivedStep;

/** Every call, in an order where each step comes after the step it derives from or waits for. */
export const PLAN: readonly PlanStep[] = [
  // Who we are and which regions are in scope: the collector reads these before anything else.
  { id: 'sts.GetCallerIdentity', service: 'sts', operation: 'GetCallerIdentity', scope: 'global' },
  { id: 'ec2.DescribeRegions', service: 'ec2', operation: 'DescribeRegions', scope: 'global', params: { AllRegions: true } },

  // Identity and access management (section 2).
  {
    id: 'iam.GenerateCredentialReport',
    service: 'iam',
    operation: 'GenerateCredentialReport',
    scope: 'global',
    poll: { until: { path: 'State', equals: 'COMPLETE' }, attempts: 30, intervalSeconds: 2 },
  },
  { id: 'account.GetContactInformation', service: 'account', operation: 'GetContactInformation', scope: 'global' },
  {
    id: 'account.GetAlternateContact.SECURITY',
    service: 'account',
    operation: 'GetAlternateContact',
    scope: 'global',
    params: { AlternateContactType: 'SECURITY' },
  },
  { id: 'iam.GetAccountSummary', service: 'iam', operation: 'GetAccountSummary', scope: 'global' },
  { id: 'iam.ListVirtualMFADevices', service: 'iam', operation: 'ListVirtualMFADevices', scope: 'global' },
  { id: 'iam.GetAccountPasswordPolicy', service: 'iam', operation: 'GetAccountPasswordPolicy', scope: 'global' },
  { id: 'iam.ListUsers', service: 'iam', operation: 'ListUsers', scope: 'global' },
  {
    id: 'iam.ListPolicies.attached',
    service: 'iam',
    operation: 'ListPolicies',
    scope: 'global',
    params: { OnlyAttached: true },
  },
  {
    id: 'iam.ListEntitiesForPolicy.AWSSupportAccess',
    service: 'iam',
    operation: 'ListEntitiesForPolicy',
    scope: 'global',
    params: { PolicyArn: 'arn:{partition}:iam::aws:policy/AWSSupportAccess' },
  },
  {
    id: 'iam.ListEntitiesForPolicy.AWSCloudShellFullAccess',
    service: 'iam',
    operation: 'ListEntitiesForPolicy',
    scope: 'global',
    params: { PolicyArn: 'arn:{partition}:iam::aws:policy/AWSCloudShellFullAccess' },
  },
  { id: 'iam.ListInstanceProfiles', service: 'iam', operation: 'ListInstanceProfiles', scope: 'global' },
  { id: 'iam.ListServerCertificates', service: 'iam', operation: 'ListServerCertificates', scope: 'global' },
  { id: 'accessanalyzer.ListAnalyzers', service: 'accessanalyzer', operation: 'ListAnalyzers', scope: 'regional' },
  { id: 'iam.ListSAMLProviders', service: 'iam', operation: 'ListSAMLProviders', scope: 'global' },
  { id: 'iam.ListOpenIDConnectProviders', service: 'iam', operation: 'ListOpenIDConnectProviders', scope: 'global' },
  { id: 'organizations.DescribeOrganization', service: 'organizations', operation: 'DescribeOrganization', scope: 'global' },

  // Storage (section 3).
  { id: 's3api.ListBuckets', service: 's3api', operation: 'ListBuckets', scope: 'global' },
  {
    id: 's3control.GetPublicAccessBlock',
    service: 's3control',
    operation: 'GetPublicAccessBlock',
    scope: 'global',
    params: { AccountId: '{account}' },
  },
  { id: 'macie2.GetMacieSession', service: 'macie2', operation: 'GetMacieSession', scope: 'regional' },
  { id: 'rds.DescribeDBInstances', service: 'rds', operation: 'DescribeDBInstances', scope: 'regional' },
  { id: 'efs.DescribeFileSystems', service: 'efs', operation: 'DescribeFileSystems', scope: 'regional' },

  // Logging (section 4).
  { id: 'cloudtrail.DescribeTrails', service: 'cloudtrail', operation: 'DescribeTrails', scope: 'regional' },
  {
    id: 'configservice.DescribeConfigurationRecorders',
    service: 'configservice',
    operation: 'DescribeConfigurationRecorders',
    scope: 'regional',
  },
  {
    id: 'configservice.DescribeConfigurationRecorderStatus',
    service: 'configservice',
    operation: 'DescribeConfigurationRecorderStatus',
    scope: 'regional',
  },
  { id: 'kms.ListKeys', service: 'kms', operation: 'ListKeys', scope: 'regional' },
  { id: 'ec2.DescribeVpcs', service: 'ec2', operation: 'DescribeVpcs', scope: 'regional' },
  { id: 'ec2.DescribeFlowLogs', service: 'ec2', operation: 'DescribeFlowLogs', scope: 'regional' },

  // Monitoring (section 5).
  { id: 'cloudwatch.DescribeAlarms', service: 'cloudwatch', operation: 'DescribeAlarms', scope: 'regional' },
  { id: 'securityhub.DescribeHub', service: 'securityhub', operation: 'DescribeHub', scope: 'regional' },

  // Networking (section 6).
  { id: 'ec2.GetEbsEncryptionByDefault', service: 'ec2', operation: 'GetEbsEncryptionByDefault', scope: 'regional' },
  { id: 'ec2.GetEbsDefaultKmsKeyId', service: 'ec2', operation: 'GetEbsDefaultKmsKeyId', scope: 'regional' },
  { id: 'ec2.DescribeSecurityGroups', service: 'ec2', operation: 'DescribeSecurityGroups', scope: 'regional' },
  { id: 'ec2.DescribeNetworkAcls', service: 'ec2', operation: 'DescribeNetworkAcls', scope: 'regional' },
  { id: 'ec2.DescribeRouteTables', service: 'ec2', operation: 'DescribeRouteTables', scope: 'regional' },
  { id: 'ec2.DescribeVpcPeeringConnections', service: 'ec2', operation: 'DescribeVpcPeeringConnections', scope: 'regional' },
  { id: 'ec2.DescribeInstances', service: 'ec2', operation: 'DescribeInstances', scope: 'regional' },

  // Calls that wait for, or are about resources named by, the calls above.
  {
    id: 'iam.GetCredentialReport',
    service: 'iam',
    operation: 'GetCredentialReport',
    scope: 'global',
    after: 'iam.GenerateCredentialReport',
    poll: { whileError: ['ReportInProgress'], attempts: 10, intervalSeconds: 2 },
  },
  perUser('ListAccessKeys'),
  perUser('ListAttachedUserPolicies'),
  perUser('ListUserPolicies'),
  {
    id: 'iam.GetPolicyVersion',
    service: 'iam',
    operation: 'GetPolicyVersion',
    scope: 'derived',
    from: 'iam.ListPolicies.attached',
    each: 'Policies',
    params: { PolicyArn: { item: 'Arn' }, VersionId: { item: 'DefaultVersionId' } },
    region: 'global',
  },
  {
    id: 'iam.ListEntitiesForPolicy.attached',
    service: 'iam',
    operation: 'ListEntitiesForPolicy',
    scope: 'derived',
    from: 'iam.ListPolicies.attached',
    each: 'Policies',
    params: { PolicyArn: { item: 'Arn' } },
    region: 'global',
  },
  {
    id: 's3api.GetBucketLocation',
    service: 's3api',
    operation: 'GetBucketLocation',
    scope: 'derived',
    from: 's3api.ListBuckets',
    each: 'Buckets',
    params: { Bucket: { item: 'Name' } },
    region: 'global',
  },
  perBucket('GetBucketPolicy'),
  perBucket('GetBucketVersioning'),
  perBucket('GetPublicAccessBlock'),
  perBucket('GetBucketLogging'),
  {
    id: 'cloudtrail.GetTrailStatus',
    service: 'cloudtrail',
    operation: 'GetTrailStatus',
    scope: 'derived',
    from: 'cloudtrail.DescribeTrails',
    each: 'trailList',
    params: { Name: { item: 'TrailARN' } },
    region: { item: 'HomeRegion' },
  },
  {
    id: 'cloudtrail.GetEventSelectors',
    service: 'cloudtrail',
    operation: 'GetEventSelectors',
    scope: 'derived',
    from: 'cloudtrail.DescribeTrails',
    each: 'trailList',
    params: { TrailName: { item: 'TrailARN' } },
    region: { item: 'HomeRegion' },
  },
  {
    id: 'logs.DescribeMetricFilters',
    service: 'logs',
    operation: 'DescribeMetricFilters',
    scope: 'derived',
    from: 'cloudtrail.DescribeTrails',
    each: 'trailList',
    where: { CloudWatchLogsLogGroupArn: true },
    params: { LogGroupName: { item: 'CloudWatchLogsLogGroupArn', as: 'logGroupName' } },
    region: { item: 'CloudWatchLogsLogGroupArn', as: 'arnRegion' },
  },
  {
    id: 'kms.DescribeKey',
    service: 'kms',
    operation: 'DescribeKey',
    scope: 'derived',
    from: 'kms.ListKeys',
    each: 'Keys',
    params: { KeyId: { item: 'KeyId' } },
    region: 'source',
  },
  {
    // Rotation applies to customer managed symmetric keys only; other keys answer with an error.
    id: 'kms.GetKeyRotationStatus',
    service: 'kms',
    operation: 'GetKeyRotationStatus',
    scope: 'derived',
    from: 'kms.DescribeKey',
    where: { 'KeyMetadata.KeyManager': 'CUSTOMER', 'KeyMetadata.KeySpec': 'SYMMETRIC_DEFAULT' },
    params: { KeyId: { param: 'KeyId' } },
    region: 'source',
  },
  {
    // The topics the alarms notify, in the topic's own region, as the benchmark's audit follows them.
    id: 'sns.ListSubscriptionsByTopic',
    service: 'sns',
    operation: 'ListSubscriptionsByTopic',
    scope: 'derived',
    from: 'cloudwatch.DescribeAlarms',
    each: 'MetricAlarms.AlarmActions',
    params: { TopicArn: { item: '', as: 'snsTopic' } },
    region: { item: '', as: 'arnRegion' },
  },
];

function perUser(operation: string): DerivedStep {
  return {
    id: `iam.${operation}`,
    service: 'iam',
    operation,
    scope: 'derived',
    from: 'iam.ListUsers',
    each: 'Users',
    params: { UserName: { item: 'UserName' } },
    region: 'global',
  };
}

/** Bucket calls go to the bucket's own region, as GetBucketLocation reports it. */
function perBucket(operation: string): DerivedStep {
  return {
    id: `s3api.${operation}`,
    service: 's3api',
    operation,
    scope: 'derived',
    from: 's3api.GetBucketLocation',
    params: { Bucket: { param: 'Bucket' } },
    region: { item: 'LocationConstraint', as: 'bucketRegion' },
  };
}

/** The steps the collector runs first: they tell it the account, partition and regions. */
export const IDENTITY_STEP = 'sts.GetCallerIdentity';
export const REGIONS_STEP = 'ec2.DescribeRegions';

export function stepById(id: string, plan: readonly PlanStep[] = PLAN): PlanStep {
  const step = plan.find((s) => s.id === id);
  if (!step) throw new Error(`collection plan: no step "${id}"`);
  return step;
}

/**
 * The AWS CLI subcommand for an API operation, the way the CLI derives it
 * (ListVirtualMFADevices → list-virtual-mfa-devices, DescribeDBInstances → describe-db-instances).
 */
export function cliCommandName(operation: string): string {
  let name = operation;
  // A trailing plural acronym (ARNs, ACLs) stays one word.
  const plural = /[A-Z]{2,}s$/.exec(name);
  if (plural) name = `${name.slice(0, -plural[0].length)}-${plural[0].toLowerCase()}`;
  return name
    .replace(/(.)([A-Z][a-z]+)/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/** Fills `{account}` and `{partition}` into a root step's fixed params. */
export function fillParams(params: Record<string, unknown> | undefined, identity: { account: string; partition: string }): Record<string, unknown> {
  const fill = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replaceAll('{account}', identity.account).replaceAll('{partition}', identity.partition);
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v)]));
    return value;
  };
  return fill(params ?? {}) as Record<string, unknown>;
}
