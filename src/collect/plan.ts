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

type RootOptions = Omit<RootStep, 'id' | 'service' | 'operation' | 'scope'>;
type DerivedOptions = Omit<DerivedStep, 'id' | 'service' | 'operation' | 'scope'>;

/** Step ids read `service.Operation`, with a `.variant` when the same operation is called more than once. */
function named(id: string): { id: string; service: string; operation: string } {
  const [service = '', operation = ''] = id.split('.');
  return { id, service, operation };
}

const global = (id: string, options: RootOptions = {}): RootStep => ({ ...named(id), scope: 'global', ...options });
const regional = (id: string, options: RootOptions = {}): RootStep => ({ ...named(id), scope: 'regional', ...options });
const derived = (id: string, options: DerivedOptions): DerivedStep => ({ ...named(id), scope: 'derived', ...options });

/** Calls about one IAM user each, as ListUsers names them. */
const perUser = (operation: string): DerivedStep =>
  derived(`iam.${operation}`, { from: 'iam.ListUsers', each: 'Users', params: { UserName: { item: 'UserName' } }, region: 'global' });

/** Bucket calls go to the bucket's own region, as GetBucketLocation reports it. */
const perBucket = (operation: string): DerivedStep =>
  derived(`s3api.${operation}`, {
    from: 's3api.GetBucketLocation',
    params: { Bucket: { param: 'Bucket' } },
    region: { item: 'LocationConstraint', as: 'bucketRegion' },
  });

/** Calls about one trail each, sent to the trail's home region. */
const perTrail = (operation: string, nameParam: string): DerivedStep =>
  derived(`cloudtrail.${operation}`, { from: 'cloudtrail.DescribeTrails', each: 'trailList', params: { [nameParam]: { item: 'TrailARN' } }, region: { item: 'HomeRegion' } });

/** Every call, in an order where each step comes after the step it derives from or waits for. */
export const PLAN: readonly PlanStep[] = [
  // Who we are and which regions are in scope: the collector reads these before anything else.
  global('sts.GetCallerIdentity'),
  global('ec2.DescribeRegions', { params: { AllRegions: true } }),

  // Identity and access management (section 2).
  global('iam.GenerateCredentialReport', { poll: { until: { path: 'State', equals: 'COMPLETE' }, attempts: 30, intervalSeconds: 2 } }),
  global('account.GetContactInformation'),
  global('account.GetAlternateContact.SECURITY', { params: { AlternateContactType: 'SECURITY' } }),
  global('iam.GetAccountSummary'),
  global('iam.ListVirtualMFADevices'),
  global('iam.GetAccountPasswordPolicy'),
  global('iam.ListUsers'),
  global('iam.ListPolicies.attached', { params: { OnlyAttached: true } }),
  global('iam.ListEntitiesForPolicy.AWSSupportAccess', { params: { PolicyArn: 'arn:{partition}:iam::aws:policy/AWSSupportAccess' } }),
  global('iam.ListEntitiesForPolicy.AWSCloudShellFullAccess', { params: { PolicyArn: 'arn:{partition}:iam::aws:policy/AWSCloudShellFullAccess' } }),
  global('iam.ListInstanceProfiles'),
  global('iam.ListServerCertificates'),
  regional('accessanalyzer.ListAnalyzers'),
  global('iam.ListSAMLProviders'),
  global('iam.ListOpenIDConnectProviders'),
  global('organizations.DescribeOrganization'),

  // Storage (section 3).
  global('s3api.ListBuckets'),
  global('s3control.GetPublicAccessBlock', { params: { AccountId: '{account}' } }),
  regional('macie2.GetMacieSession'),
  regional('rds.DescribeDBInstances'),
  regional('efs.DescribeFileSystems'),

  // Logging (section 4).
  regional('cloudtrail.DescribeTrails'),
  regional('configservice.DescribeConfigurationRecorders'),
  regional('configservice.DescribeConfigurationRecorderStatus'),
  regional('kms.ListKeys'),
  regional('ec2.DescribeVpcs'),
  regional('ec2.DescribeFlowLogs'),

  // Monitoring (section 5).
  regional('cloudwatch.DescribeAlarms'),
  regional('securityhub.DescribeHub'),

  // Networking (section 6).
  regional('ec2.GetEbsEncryptionByDefault'),
  regional('ec2.GetEbsDefaultKmsKeyId'),
  regional('ec2.DescribeSecurityGroups'),
  regional('ec2.DescribeNetworkAcls'),
  regional('ec2.DescribeRouteTables'),
  regional('ec2.DescribeVpcPeeringConnections'),
  regional('ec2.DescribeInstances'),

  // Calls that wait for, or are about resources named by, the calls above.
  global('iam.GetCredentialReport', {
    after: 'iam.GenerateCredentialReport',
    poll: { whileError: ['ReportInProgress'], attempts: 10, intervalSeconds: 2 },
  }),
  perUser('ListAccessKeys'),
  perUser('ListAttachedUserPolicies'),
  perUser('ListUserPolicies'),
  derived('iam.GetPolicyVersion', {
    from: 'iam.ListPolicies.attached',
    each: 'Policies',
    params: { PolicyArn: { item: 'Arn' }, VersionId: { item: 'DefaultVersionId' } },
    region: 'global',
  }),
  derived('iam.ListEntitiesForPolicy.attached', { from: 'iam.ListPolicies.attached', each: 'Policies', params: { PolicyArn: { item: 'Arn' } }, region: 'global' }),
  derived('s3api.GetBucketLocation', { from: 's3api.ListBuckets', each: 'Buckets', params: { Bucket: { item: 'Name' } }, region: 'global' }),
  perBucket('GetBucketPolicy'),
  perBucket('GetBucketVersioning'),
  perBucket('GetPublicAccessBlock'),
  perBucket('GetBucketLogging'),
  perTrail('GetTrailStatus', 'Name'),
  perTrail('GetEventSelectors', 'TrailName'),
  derived('logs.DescribeMetricFilters', {
    from: 'cloudtrail.DescribeTrails',
    each: 'trailList',
    where: { CloudWatchLogsLogGroupArn: true },
    params: { logGroupName: { item: 'CloudWatchLogsLogGroupArn', as: 'logGroupName' } },
    region: { item: 'CloudWatchLogsLogGroupArn', as: 'arnRegion' },
  }),
  derived('kms.DescribeKey', { from: 'kms.ListKeys', each: 'Keys', params: { KeyId: { item: 'KeyId' } }, region: 'source' }),
  // Rotation applies to customer managed symmetric keys only; other keys answer with an error.
  derived('kms.GetKeyRotationStatus', {
    from: 'kms.DescribeKey',
    where: { 'KeyMetadata.KeyManager': 'CUSTOMER', 'KeyMetadata.KeySpec': 'SYMMETRIC_DEFAULT' },
    params: { KeyId: { param: 'KeyId' } },
    region: 'source',
  }),
  // The topics the alarms notify, in the topic's own region, as the benchmark's audit follows them.
  derived('sns.ListSubscriptionsByTopic', {
    from: 'cloudwatch.DescribeAlarms',
    each: 'MetricAlarms.AlarmActions',
    params: { TopicArn: { item: '', as: 'snsTopic' } },
    region: { item: '', as: 'arnRegion' },
  }),
];

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
