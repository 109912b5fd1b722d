/**
 * A simulated AWS account behind the SDK's HTTP transport: a requestHandler that answers every call
 * of the collection plan with a protocol-correct response (query XML, EC2 XML, S3 REST XML, JSON,
 * REST JSON) after a fixed latency. The SDK clients run unchanged above it — signing, retries,
 * paging, parsing — so the bench measures the collector as it runs against AWS.
 */

export interface AccountShape {
  regions: number;
  users: number;
  buckets: number;
  securityGroups: number;
  instances: number;
  /** Every response waits this long, like a round trip to AWS. */
  latencyMs: number;
}

interface HttpRequest {
  method: string;
  hostname: string;
  path: string;
  query?: Record<string, unknown>;
  headers: Record<string, string>;
  body?: unknown;
}

interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

const ACCOUNT = '210987654321';
const ALL_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1',
  'eu-north-1', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'sa-east-1',
  'eu-south-1', 'ca-west-1', 'me-central-1', 'af-south-1',
];
const NOT_OPTED_IN = ['ap-east-1', 'me-south-1'];
const USERS_PER_PAGE = 100;
const EC2_PAGE = 1000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const pad = (n: number, width = 4) => String(n).padStart(width, '0');
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const iso = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().replace('.000Z', 'Z');
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** XML for a value: objects as elements, lists with the item tag (`member`, `item`, or a named one). */
function xml(value: unknown, listTag: (key: string) => string, key = ''): string {
  if (Array.isArray(value)) return value.map((v) => `<${listTag(key)}>${xml(v, listTag, key)}</${listTag(key)}>`).join('');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `<${k}>${xml(v, listTag, k)}</${k}>`)
      .join('');
  }
  return escapeXml(String(value));
}

const respond = (statusCode: number, contentType: string, body: string, headers: Record<string, string> = {}): HttpResponse => ({
  statusCode,
  headers: { 'content-type': contentType, 'x-amzn-requestid': 'bench', ...headers },
  body: encoder.encode(body),
});

/** awsQuery (IAM, STS, SNS, RDS): `<OpResponse><OpResult>…` with `member` lists unless named. */
function query(operation: string, result: object, namedLists: Record<string, string> = {}): HttpResponse {
  const body = xml(result, (k) => namedLists[k] ?? 'member');
  return respond(200, 'text/xml', `<${operation}Response><${operation}Result>${body}</${operation}Result><ResponseMetadata><RequestId>bench</RequestId></ResponseMetadata></${operation}Response>`);
}
const queryError = (code: string, status = 400) =>
  respond(status, 'text/xml', `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${code} (simulated)</Message></Error><RequestId>bench</RequestId></ErrorResponse>`);

/** ec2Query: `<OpResponse>` with `item` lists and the API's lowerCamel element names. */
const ec2 = (operation: string, result: object) =>
  respond(200, 'text/xml', `<${operation}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>bench</requestId>${xml(result, () => 'item')}</${operation}Response>`);

const json = (result: object, type = 'application/x-amz-json-1.1') => respond(200, type, JSON.stringify(result));
const jsonError = (code: string, status = 400) => respond(status, 'application/x-amz-json-1.1', JSON.stringify({ __type: code, message: `${code} (simulated)` }), { 'x-amzn-errortype': code });
const restXml = (body: string) => respond(200, 'application/xml', `<?xml version="1.0" encoding="UTF-8"?>\n${body}`);
const restXmlError = (code: string, status: number) => respond(status, 'application/xml', `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${code} (simulated)</Message><RequestId>bench</RequestId></Error>`);

function pageOf<T>(items: T[], token: string | null | undefined, size: number): { page: T[]; next?: string } {
  const start = token ? Number(token) : 0;
  const end = start + size;
  return { page: items.slice(start, end), ...(end < items.length ? { next: String(end) } : {}) };
}

const policyDocument = (admin: boolean) =>
  encodeURIComponent(
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [admin ? { Effect: 'Allow', Action: '*', Resource: '*' } : { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::data/*'] }],
    }),
  );

const METRIC_FILTERS = [
  ['UnauthorizedAPICalls', '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }'],
  ['ConsoleSigninWithoutMFA', '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'],
  ['RootAccountUsage', '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }'],
  ['SecurityGroupChanges', '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupIngress) }'],
];

export class SimulatedAccount {
  /** HTTP requests answered (every page, retry and poll counts once). */
  requests = 0;
  /** Bucket requests sent to another region than the bucket's (S3 answers them with a redirect). */
  misrouted = 0;
  readonly regions: string[];
  private readonly users: string[];
  private readonly buckets: { name: string; region: string }[];
  private reportPolls = 0;

  constructor(private readonly shape: AccountShape) {
    this.regions = ALL_REGIONS.slice(0, shape.regions);
    this.users = Array.from({ length: shape.users }, (_, i) => `user-${pad(i)}`);
    this.buckets = Array.from({ length: shape.buckets }, (_, i) => ({ name: `bench-data-${pad(i)}`, region: this.regions[i % this.regions.length]! }));
  }

  /** The SDK `requestHandler`: answers after the latency, as AWS would. */
  readonly requestHandler = {
    handle: async (request: HttpRequest): Promise<{ response: HttpResponse }> => {
      await new Promise((resolve) => setTimeout(resolve, this.shape.latencyMs));
      this.requests++;
      return { response: this.answer(request) };
    },
  };

  private spread(total: number, region: string): number {
    const index = this.regions.indexOf(region);
    const base = Math.floor(total / this.regions.length);
    return base + (index < total % this.regions.length ? 1 : 0);
  }

  private answer(request: HttpRequest): HttpResponse {
    const body = typeof request.body === 'string' ? request.body : request.body instanceof Uint8Array ? decoder.decode(request.body) : '';
    const host = request.hostname;
    const region = /\.([a-z]{2}-[a-z]+-\d)\.amazonaws\.com$/.exec(host)?.[1] ?? 'us-east-1';
    const target = request.headers['x-amz-target'];
    if (request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
      const form = new URLSearchParams(body);
      const action = form.get('Action') ?? '';
      const service = host.split('.')[0];
      if (service === 'iam') return this.iam(action, form);
      if (service === 'sts') return query(action, { Arn: `arn:aws:iam::${ACCOUNT}:user/bench`, UserId: 'AIDABENCH', Account: ACCOUNT });
      if (service === 'ec2') return this.ec2(action, region, form);
      if (service === 'sns') return this.sns(action, region, form);
      if (service === 'rds') return this.rds(region);
    }
    if (target) return this.jsonService(target, region, body ? (JSON.parse(body) as Record<string, unknown>) : {});
    if (host.includes('.s3-control.')) {
      return restXml('<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>');
    }
    if (/(^|\.)s3\.[a-z0-9-]+\.amazonaws\.com$/.test(host)) return this.s3(request, host);
    return this.restJson(request.path, region);
  }

  private iam(action: string, form: URLSearchParams): HttpResponse {
    const user = form.get('UserName') ?? '';
    const userIndex = Number(user.slice(5));
    switch (action) {
      case 'GetAccountSummary':
        return query(action, { SummaryMap: [['AccountMFAEnabled', 1], ['AccountAccessKeysPresent', 0], ['AccountPasswordPresent', 1], ['Users', this.users.length]].map(([key, value]) => ({ key, value })) }, { SummaryMap: 'entry' });
      case 'GetAccountPasswordPolicy':
        return query(action, { PasswordPolicy: { MinimumPasswordLength: 14, PasswordReusePrevention: 24, RequireSymbols: true } });
      case 'GenerateCredentialReport':
        return query(action, { State: this.reportPolls++ === 0 ? 'STARTED' : 'COMPLETE' });
      case 'GetCredentialReport': {
        const header = 'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
        const root = `<root_account>,arn:aws:iam::${ACCOUNT}:root,2020-01-01T00:00:00+00:00,not_supported,2024-05-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;
        const rows = this.users.map((u, i) => {
          const console = i % 4 === 0;
          const key = i % 3 !== 0;
          return `${u},arn:aws:iam::${ACCOUNT}:user/${u},${iso(i % 300)},${console},${console ? iso(300 + (i % 30)) : 'N/A'},${console ? iso(200) : 'N/A'},N/A,${i % 8 !== 0},${key},${key ? iso(100 + (i % 200)) : 'N/A'},${key ? iso(300 + (i % 60)) : 'N/A'},${key ? 'us-east-1' : 'N/A'},${key ? 's3' : 'N/A'},false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;
        });
        return query(action, { Content: Buffer.from([header, root, ...rows].join('\n') + '\n').toString('base64'), ReportFormat: 'text/csv', GeneratedTime: iso(330) });
      }
      case 'ListUsers': {
        const { page, next } = pageOf(this.users, form.get('Marker'), USERS_PER_PAGE);
        const users = page.map((u, i) => ({ Path: '/', UserName: u, UserId: `AIDA${pad(i, 12)}`, Arn: `arn:aws:iam::${ACCOUNT}:user/${u}`, CreateDate: iso(i % 300) }));
        return query(action, { Users: users, IsTruncated: next !== undefined, ...(next ? { Marker: next } : {}) });
      }
      case 'ListAccessKeys': {
        const keys = Array.from({ length: userIndex % 3 }, (_, k) => ({ UserName: user, AccessKeyId: `AKIA${pad(userIndex, 10)}${k}`, Status: 'Active', CreateDate: iso(100 + (userIndex % 200)) }));
        return query(action, { AccessKeyMetadata: keys, IsTruncated: false });
      }
      case 'ListAttachedUserPolicies':
        return query(action, { AttachedPolicies: userIndex % 10 === 0 ? [{ PolicyName: 'team-read', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/team-read` }] : [], IsTruncated: false });
      case 'ListUserPolicies':
        return query(action, { PolicyNames: userIndex % 25 === 0 ? ['legacy-inline'] : [], IsTruncated: false });
      case 'ListVirtualMFADevices':
        return query(action, { VirtualMFADevices: [], IsTruncated: false });
      case 'ListPolicies': {
        const policies = Array.from({ length: 40 }, (_, i) => {
          const name = i === 0 ? 'team-read' : `policy-${pad(i, 2)}`;
          return { PolicyName: name, PolicyId: `ANPA${pad(i, 12)}`, Arn: `arn:aws:iam::${ACCOUNT}:policy/${name}`, Path: '/', DefaultVersionId: 'v2', AttachmentCount: 1, IsAttachable: true, CreateDate: iso(10), UpdateDate: iso(20) };
        });
        return query(action, { Policies: policies, IsTruncated: false });
      }
      case 'GetPolicyVersion':
        return query(action, { PolicyVersion: { Document: policyDocument((form.get('PolicyArn') ?? '').endsWith('-07')), VersionId: form.get('VersionId'), IsDefaultVersion: true, CreateDate: iso(20) } });
      case 'ListEntitiesForPolicy':
        return query(action, { PolicyGroups: [{ GroupName: 'engineers', GroupId: 'AGPABENCH' }], PolicyUsers: [], PolicyRoles: [{ RoleName: 'support', RoleId: 'AROABENCH' }], IsTruncated: false });
      case 'ListInstanceProfiles':
        return query(action, { InstanceProfiles: [{ InstanceProfileName: 'app', InstanceProfileId: 'AIPABENCH', Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/app`, Path: '/', CreateDate: iso(5), Roles: [] }], IsTruncated: false });
      case 'ListServerCertificates':
        return query(action, { ServerCertificateMetadataList: [{ ServerCertificateName: 'old-cert', ServerCertificateId: 'ASCABENCH', Arn: `arn:aws:iam::${ACCOUNT}:server-certificate/old-cert`, Path: '/', Expiration: iso(-30) }], IsTruncated: false });
      case 'ListSAMLProviders':
        return query(action, { SAMLProviderList: [] });
      case 'ListOpenIDConnectProviders':
        return query(action, { OpenIDConnectProviderList: [] });
      default:
        return queryError('InvalidAction');
    }
  }

  private ec2(action: string, region: string, form: URLSearchParams): HttpResponse {
    const vpcs = [`vpc-${hex(this.regions.indexOf(region), 4)}0001`, `vpc-${hex(this.regions.indexOf(region), 4)}0002`];
    switch (action) {
      case 'DescribeRegions':
        return ec2(action, {
          regionInfo: [
            ...this.regions.map((r) => ({ regionName: r, regionEndpoint: `ec2.${r}.amazonaws.com`, optInStatus: 'opt-in-not-required' })),
            ...NOT_OPTED_IN.map((r) => ({ regionName: r, regionEndpoint: `ec2.${r}.amazonaws.com`, optInStatus: 'not-opted-in' })),
          ],
        });
      case 'GetEbsEncryptionByDefault':
        return ec2(action, { ebsEncryptionByDefault: this.regions.indexOf(region) % 4 !== 0 });
      case 'GetEbsDefaultKmsKeyId':
        return ec2(action, { kmsKeyId: 'alias/aws/ebs' });
      case 'DescribeVpcs':
        return ec2(action, { vpcSet: vpcs.map((vpcId, i) => ({ vpcId, cidrBlock: i === 0 ? '10.0.0.0/16' : '172.31.0.0/16', isDefault: i === 1, state: 'available', ownerId: ACCOUNT })) });
      case 'DescribeFlowLogs':
        return ec2(action, { flowLogSet: [{ flowLogId: `fl-${region}`, resourceId: vpcs[0], trafficType: 'ALL', flowLogStatus: 'ACTIVE', logDestinationType: 's3' }] });
      case 'DescribeSecurityGroups': {
        const count = this.spread(this.shape.securityGroups, region);
        const groups = Array.from({ length: count }, (_, i) => ({
          groupId: `sg-${hex(this.regions.indexOf(region), 4)}${hex(i, 8)}`,
          groupName: i < 2 ? 'default' : `app-${i}`,
          groupDescription: 'simulated',
          vpcId: vpcs[i % 2],
          ownerId: ACCOUNT,
          ipPermissions: [
            { ipProtocol: 'tcp', fromPort: i % 7 === 0 ? 22 : 443, toPort: i % 7 === 0 ? 22 : 443, ipRanges: [{ cidrIp: i % 5 === 0 ? '0.0.0.0/0' : '10.0.0.0/8' }], ipv6Ranges: i % 11 === 0 ? [{ cidrIpv6: '::/0' }] : [], groups: [], prefixListIds: [] },
          ],
          ipPermissionsEgress: [{ ipProtocol: '-1', ipRanges: [{ cidrIp: '0.0.0.0/0' }], ipv6Ranges: [], groups: [], prefixListIds: [] }],
        }));
        const { page, next } = pageOf(groups, form.get('NextToken'), EC2_PAGE);
        return ec2(action, { securityGroupInfo: page, ...(next ? { nextToken: next } : {}) });
      }
      case 'DescribeNetworkAcls':
        return ec2(action, {
          networkAclSet: vpcs.map((vpcId, i) => ({
            networkAclId: `acl-${vpcId.slice(4)}`,
            vpcId,
            default: true,
            entrySet: [
              { ruleNumber: 100, protocol: '-1', ruleAction: 'allow', egress: false, cidrBlock: i === 0 ? '10.0.0.0/8' : '0.0.0.0/0' },
              { ruleNumber: 32767, protocol: '-1', ruleAction: 'deny', egress: false, cidrBlock: '0.0.0.0/0' },
            ],
          })),
        });
      case 'DescribeRouteTables':
        return ec2(action, { routeTableSet: vpcs.map((vpcId) => ({ routeTableId: `rtb-${vpcId.slice(4)}`, vpcId, routeSet: [{ destinationCidrBlock: '0.0.0.0/0', gatewayId: 'igw-1', state: 'active' }], associationSet: [] })) });
      case 'DescribeVpcPeeringConnections':
        return ec2(action, { vpcPeeringConnectionSet: [] });
      case 'DescribeInstances': {
        const count = this.spread(this.shape.instances, region);
        const instances = Array.from({ length: count }, (_, i) => ({
          reservationId: `r-${hex(this.regions.indexOf(region), 4)}${hex(i, 8)}`,
          ownerId: ACCOUNT,
          instancesSet: [
            {
              instanceId: `i-${hex(this.regions.indexOf(region), 4)}${hex(i, 12)}`,
              instanceState: { code: 16, name: 'running' },
              launchTime: iso(200),
              ...(i % 3 !== 0 ? { iamInstanceProfile: { arn: `arn:aws:iam::${ACCOUNT}:instance-profile/app`, id: 'AIPABENCH' } } : {}),
              metadataOptions: { state: 'applied', httpTokens: i % 2 === 0 ? 'required' : 'optional', httpEndpoint: 'enabled', httpPutResponseHopLimit: 2 },
            },
          ],
        }));
        const { page, next } = pageOf(instances, form.get('NextToken'), EC2_PAGE);
        return ec2(action, { reservationSet: page, ...(next ? { nextToken: next } : {}) });
      }
      default:
        return respond(400, 'text/xml', `<Response><Errors><Error><Code>InvalidAction</Code><Message>${action}</Message></Error></Errors><RequestID>bench</RequestID></Response>`);
    }
  }

  private sns(action: string, region: string, form: URLSearchParams): HttpResponse {
    const topic = `arn:aws:sns:${region}:${ACCOUNT}:security-alerts`;
    if (action === 'ListTopics') return query(action, { Topics: [{ TopicArn: topic }] });
    if (action === 'ListSubscriptionsByTopic') {
      return query(action, { Subscriptions: [{ SubscriptionArn: `${form.get('TopicArn')}:1`, Owner: ACCOUNT, Protocol: 'email', Endpoint: 'sec@example.com', TopicArn: form.get('TopicArn') }] });
    }
    return queryError('InvalidAction');
  }

  private rds(region: string): HttpResponse {
    const instances = Array.from({ length: 3 }, (_, i) => ({
      DBInstanceIdentifier: `db-${region}-${i}`,
      DBInstanceArn: `arn:aws:rds:${region}:${ACCOUNT}:db:db-${region}-${i}`,
      Engine: 'postgres',
      StorageEncrypted: i !== 2,
      AutoMinorVersionUpgrade: i !== 1,
      PubliclyAccessible: false,
      MultiAZ: i === 0,
    }));
    return query('DescribeDBInstances', { DBInstances: instances }, { DBInstances: 'DBInstance' });
  }

  private jsonService(target: string, region: string, input: Record<string, unknown>): HttpResponse {
    const operation = target.split('.')[1] ?? '';
    const regionIndex = this.regions.indexOf(region);
    const homeTrail = { Name: 'org-trail', TrailARN: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org-trail`, HomeRegion: 'us-east-1', IsMultiRegionTrail: true, IncludeGlobalServiceEvents: true, LogFileValidationEnabled: true, S3BucketName: 'bench-data-0000', CloudWatchLogsLogGroupArn: `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:org-trail:*`, KmsKeyId: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k-0` };
    switch (operation) {
      case 'DescribeOrganization':
        return jsonError('AWSOrganizationsNotInUseException');
      case 'DescribeTrails':
        return json({ trailList: regionIndex === 5 ? [homeTrail, { ...homeTrail, Name: 'local', TrailARN: `arn:aws:cloudtrail:${region}:${ACCOUNT}:trail/local`, HomeRegion: region, IsMultiRegionTrail: false, CloudWatchLogsLogGroupArn: undefined }] : [homeTrail] });
      case 'GetTrailStatus':
        return json({ IsLogging: true, LatestDeliveryTime: 1_732_000_000 });
      case 'GetEventSelectors':
        return json({ TrailARN: input.TrailName, EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }] });
      case 'DescribeConfigurationRecorders':
        return json({ ConfigurationRecorders: regionIndex % 3 === 0 ? [] : [{ name: 'default', roleARN: `arn:aws:iam::${ACCOUNT}:role/config`, recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } }] });
      case 'DescribeConfigurationRecorderStatus':
        return json({ ConfigurationRecordersStatus: regionIndex % 3 === 0 ? [] : [{ name: 'default', recording: true, lastStatus: 'SUCCESS' }] });
      case 'ListKeys':
        return json({ Keys: Array.from({ length: 5 }, (_, i) => ({ KeyId: `k-${i}`, KeyArn: `arn:aws:kms:${region}:${ACCOUNT}:key/k-${i}` })), Truncated: false });
      case 'DescribeKey': {
        const id = String(input.KeyId);
        return json({ KeyMetadata: { AWSAccountId: ACCOUNT, KeyId: id, Arn: `arn:aws:kms:${region}:${ACCOUNT}:key/${id}`, Enabled: true, KeyState: 'Enabled', KeyUsage: 'ENCRYPT_DECRYPT', KeySpec: 'SYMMETRIC_DEFAULT', KeyManager: id.endsWith('4') ? 'AWS' : 'CUSTOMER', Origin: 'AWS_KMS', CreationDate: 1_700_000_000 } });
      }
      case 'GetKeyRotationStatus':
        return json({ KeyRotationEnabled: String(input.KeyId) !== 'k-1' });
      case 'DescribeMetricFilters':
        return json({ metricFilters: METRIC_FILTERS.map(([name, pattern]) => ({ filterName: name, filterPattern: pattern, logGroupName: input.logGroupName, metricTransformations: [{ metricName: name, metricNamespace: 'CIS', metricValue: '1' }], creationTime: 1_700_000_000_000 })) });
      case 'DescribeAlarms':
        return json(
          {
            MetricAlarms: region === 'us-east-1' ? METRIC_FILTERS.map(([name]) => ({ AlarmName: name, MetricName: name, Namespace: 'CIS', AlarmActions: [`arn:aws:sns:us-east-1:${ACCOUNT}:security-alerts`], ActionsEnabled: true, StateValue: 'OK' })) : [],
            CompositeAlarms: [],
          },
          'application/x-amz-json-1.0',
        );
      default:
        return jsonError('UnknownOperationException');
    }
  }

  private s3(request: HttpRequest, host: string): HttpResponse {
    const query = request.query ?? {};
    const virtualHost = /^(.+)\.s3\.[a-z0-9-]+\.amazonaws\.com$/.exec(host)?.[1];
    const name = virtualHost ?? request.path.split('/')[1] ?? '';
    const index = Number(name.slice(-4));
    const bucket = this.buckets[index];
    if (!name) {
      const buckets = this.buckets.map((b) => `<Bucket><Name>${b.name}</Name><CreationDate>${iso(index % 100)}</CreationDate></Bucket>`).join('');
      return restXml(`<ListAllMyBucketsResult><Owner><ID>bench</ID></Owner><Buckets>${buckets}</Buckets></ListAllMyBucketsResult>`);
    }
    if (!bucket) return restXmlError('NoSuchBucket', 404);
    const region = /s3\.([a-z0-9-]+)\.amazonaws\.com$/.exec(host)?.[1];
    if (!('location' in query) && region !== bucket.region) {
      this.misrouted++;
      return respond(301, 'application/xml', `<Error><Code>PermanentRedirect</Code><Message>use the bucket's region</Message><Bucket>${name}</Bucket></Error>`, { 'x-amz-bucket-region': bucket.region });
    }
    if ('location' in query) {
      const ns = 'xmlns="http://s3.amazonaws.com/doc/2006-03-01/"';
      return restXml(bucket.region === 'us-east-1' ? `<LocationConstraint ${ns}/>` : `<LocationConstraint ${ns}>${bucket.region}</LocationConstraint>`);
    }
    if ('policy' in query) {
      if (index % 2 === 1) return restXmlError('NoSuchBucketPolicy', 404);
      const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }] };
      return respond(200, 'application/json', JSON.stringify(policy));
    }
    if ('versioning' in query) return restXml(`<VersioningConfiguration><Status>${index % 3 === 0 ? 'Enabled' : 'Suspended'}</Status><MfaDelete>Disabled</MfaDelete></VersioningConfiguration>`);
    if ('publicAccessBlock' in query) {
      if (index % 3 === 2) return restXmlError('NoSuchPublicAccessBlockConfiguration', 404);
      return restXml('<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>');
    }
    if ('logging' in query) {
      return restXml(index % 4 === 0 ? `<BucketLoggingStatus><LoggingEnabled><TargetBucket>bench-data-0000</TargetBucket><TargetPrefix>${name}/</TargetPrefix></LoggingEnabled></BucketLoggingStatus>` : '<BucketLoggingStatus/>');
    }
    return restXmlError('NotImplemented', 501);
  }

  private restJson(path: string, region: string): HttpResponse {
    const regionIndex = this.regions.indexOf(region);
    const type = 'application/json';
    if (path === '/analyzer') return json({ analyzers: regionIndex % 2 === 0 ? [{ arn: `arn:aws:access-analyzer:${region}:${ACCOUNT}:analyzer/account`, name: 'account', type: 'ACCOUNT', status: 'ACTIVE' }] : [] }, type);
    if (path === '/getContactInformation') return json({ ContactInformation: { FullName: 'Cloud Team', CompanyName: 'Bench Ltd', PhoneNumber: '+1 555 0100', AddressLine1: '1 Main St', City: 'Seattle', CountryCode: 'US', PostalCode: '98101' } }, type);
    if (path === '/getAlternateContact') return jsonError('ResourceNotFoundException', 404);
    if (path.startsWith('/2015-02-01/file-systems')) return json({ FileSystems: [{ FileSystemId: `fs-${region}`, Encrypted: regionIndex % 2 === 0, LifeCycleState: 'available' }] }, type);
    if (path === '/macie') return regionIndex % 5 === 0 ? jsonError('AccessDeniedException', 403) : json({ status: 'ENABLED', findingPublishingFrequency: 'FIFTEEN_MINUTES' }, type);
    if (path === '/accounts') return regionIndex % 6 === 0 ? jsonError('InvalidAccessException', 401) : json({ HubArn: `arn:aws:securityhub:${region}:${ACCOUNT}:hub/default`, AutoEnableControls: true }, type);
    return jsonError('UnknownOperationException', 404);
  }
}
