import * as accessanalyzer from '@aws-sdk/client-accessanalyzer';
import * as account from '@aws-sdk/client-account';
import * as cloudtrail from '@aws-sdk/client-cloudtrail';
import * as cloudwatch from '@aws-sdk/client-cloudwatch';
import * as logs from '@aws-sdk/client-cloudwatch-logs';
import * as configservice from '@aws-sdk/client-config-service';
import * as ec2 from '@aws-sdk/client-ec2';
import * as efs from '@aws-sdk/client-efs';
import * as iam from '@aws-sdk/client-iam';
import * as kms from '@aws-sdk/client-kms';
import * as macie2 from '@aws-sdk/client-macie2';
import * as organizations from '@aws-sdk/client-organizations';
import * as rds from '@aws-sdk/client-rds';
import * as s3 from '@aws-sdk/client-s3';
import * as s3control from '@aws-sdk/client-s3-control';
import * as securityhub from '@aws-sdk/client-securityhub';
import * as sns from '@aws-sdk/client-sns';
import * as sts from '@aws-sdk/client-sts';
import { assertReadOnly } from './readonly.js';

/** The parts of an SDK v3 client the collector uses. */
export interface AwsClient {
  send(command: unknown, options?: { abortSignal?: AbortSignal }): Promise<Record<string, unknown>>;
  middlewareStack: {
    add(middleware: (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => Promise<unknown>, options: object): void;
  };
  destroy(): void;
  /** The settings the SDK resolved: its endpoint (SDK v3's EndpointResolvedConfig), how it reads a body. */
  config: {
    streamCollector: (body: unknown) => Promise<Uint8Array>;
    isCustomEndpoint?: boolean;
    ignoreConfiguredEndpointUrls?: boolean;
    /** The endpoint AWS_ENDPOINT_URL(_<SERVICE>) or the shared config file name for this service, read as the SDK reads it. */
    serviceConfiguredEndpoint?: () => Promise<string | undefined>;
  };
}

type ClientClass = new (config: object) => AwsClient;
type CommandClass = new (input: object) => unknown;
type Paginator = (config: { client: AwsClient }, input: object, options?: { abortSignal?: AbortSignal }) => AsyncIterable<Record<string, unknown>>;

interface ServiceSettings {
  /** Client settings this service needs. */
  config?: object;
  /** Client settings this service needs when the configured endpoint is not AWS's own (an emulator, a proxy). */
  customEndpointConfig?: (endpoint: URL) => object;
}

interface ServiceEntry extends ServiceSettings {
  client: ClientClass;
  module: Record<string, unknown>;
}

function entry(module: object, clientName: string, settings: ServiceSettings = {}): ServiceEntry {
  const client = (module as Record<string, unknown>)[clientName] as ClientClass;
  return { client, module: module as Record<string, unknown>, ...settings };
}

/** AWS CLI command name → SDK v3 client module. */
export const SERVICES: Record<string, ServiceEntry> = {
  accessanalyzer: entry(accessanalyzer, 'AccessAnalyzerClient'),
  account: entry(account, 'AccountClient'),
  cloudtrail: entry(cloudtrail, 'CloudTrailClient'),
  cloudwatch: entry(cloudwatch, 'CloudWatchClient'),
  configservice: entry(configservice, 'ConfigServiceClient'),
  ec2: entry(ec2, 'EC2Client'),
  efs: entry(efs, 'EFSClient'),
  iam: entry(iam, 'IAMClient'),
  kms: entry(kms, 'KMSClient'),
  logs: entry(logs, 'CloudWatchLogsClient'),
  macie2: entry(macie2, 'Macie2Client'),
  organizations: entry(organizations, 'OrganizationsClient'),
  rds: entry(rds, 'RDSClient'),
  // A bucket answers only in its own region; the client follows S3's redirect when asked elsewhere.
  // Bucket names as host names need AWS's wildcard DNS; any other endpoint is addressed by path.
  s3api: entry(s3, 'S3Client', { config: { followRegionRedirects: true }, customEndpointConfig: () => ({ forcePathStyle: true }) }),
  // S3 Control's endpoint rules put the account id in front of the host name, a configured endpoint's
  // too (123456789012.s3-control…, 123456789012.localhost), which suits AWS's DNS only: another
  // endpoint is used exactly as given, the account id going in its header as always.
  s3control: entry(s3control, 'S3ControlClient', { customEndpointConfig: (endpoint) => ({ endpointProvider: () => ({ url: endpoint }) }) }),
  securityhub: entry(securityhub, 'SecurityHubClient'),
  sns: entry(sns, 'SNSClient'),
  sts: entry(sts, 'STSClient'),
};

function serviceEntry(service: string): ServiceEntry {
  const found = SERVICES[service];
  if (!found) throw new Error(`collector: no SDK client for service "${service}"`);
  return found;
}

/** The SDK command class for an operation, e.g. iam ListUsers → ListUsersCommand. */
export function commandClass(service: string, operation: string): CommandClass {
  const command = serviceEntry(service).module[`${operation}Command`];
  if (typeof command !== 'function') throw new Error(`collector: ${service} has no operation ${operation}`);
  return command as CommandClass;
}

/** The SDK paginator for an operation, when the operation pages. */
export function paginator(service: string, operation: string): Paginator | undefined {
  const found = serviceEntry(service).module[`paginate${operation}`];
  return typeof found === 'function' ? (found as Paginator) : undefined;
}

interface RawAnswer {
  statusCode?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * Raised for an answer in no AWS API's form. Like the SDK's own parse errors it carries the raw
 * answer as `$response` and no `$fault` (that marks answers from AWS); `$metadata` keeps the
 * status, so the SDK still retries a 5xx page from a proxy.
 */
export class NotAnAwsAnswer extends Error {
  readonly $response: RawAnswer;
  readonly $metadata: { httpStatusCode?: number };

  constructor(answer: RawAnswer, message: string) {
    super(message);
    this.name = 'NotAnAwsAnswer';
    this.$response = answer;
    this.$metadata = { httpStatusCode: answer.statusCode };
  }
}

// Judged by the body: emulators send JSON answers labelled text/html, and AWS's own labels are not all exact.
// An XHTML page may open with an XML declaration.
const HTML_PAGE = /^\s*(<\?xml[^>]*>\s*)?<(!doctype\s+html|html)[\s>]/i;
const HTML_PAGE_OPENING_BYTES = 256;

async function bodyBytes(body: unknown, collect: (body: unknown) => Promise<Uint8Array>): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  return body ? collect(body) : new Uint8Array();
}

/**
 * Every AWS API answers in XML or JSON; an HTML page is a proxy's, a portal's or an emulator's that
 * lacks the operation. The SDK may still parse one as XML — into an empty output, or an error it
 * names after the HTTP status — so the page is refused before the SDK's deserializer reads it.
 * The body is read once here and handed on as bytes, which the deserializer takes as they are: it
 * would read the whole body anyway, as no operation of the plan streams its answer.
 */
async function refuseHtmlPage(answer: RawAnswer, collect: (body: unknown) => Promise<Uint8Array>): Promise<void> {
  const bytes = await bodyBytes(answer.body, collect);
  answer.body = bytes;
  if (HTML_PAGE.test(new TextDecoder().decode(bytes.subarray(0, HTML_PAGE_OPENING_BYTES)))) throw new NotAnAwsAnswer(answer, 'the answer is an HTML page, not an AWS API answer');
}

/**
 * An SDK client that refuses, before anything is signed or sent, every call outside the collection
 * plan (readonly.ts), and that takes no HTML page for an answer.
 */
export function createClient(service: string, config: object): AwsClient {
  const { client: Client, config: serviceConfig } = serviceEntry(service);
  const client = new Client({ ...serviceConfig, ...config });
  client.middlewareStack.add(
    (next, context) => async (args) => {
      assertReadOnly(service, (context.commandName ?? '').replace(/Command$/, ''));
      return next(args);
    },
    { step: 'initialize', name: 'assayReadOnlyGuard', priority: 'high' },
  );
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = (await next(args)) as { response?: RawAnswer };
      if (result.response) await refuseHtmlPage(result.response, (body) => client.config.streamCollector(body));
      return result;
    },
    // Inside the SDK's deserializer (lower priority in the same step): it sees the answer first.
    { step: 'deserialize', name: 'assayHtmlPageGuard', priority: 'low' },
  );
  return client;
}

/**
 * The endpoint that AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL or the shared config file give
 * this client, read by the SDK's own rules (unless configured endpoints are ignored); none when
 * the client's config names an endpoint itself, which then is the caller's to set up.
 */
async function configuredEndpoint(client: AwsClient): Promise<URL | undefined> {
  const { isCustomEndpoint, ignoreConfiguredEndpointUrls, serviceConfiguredEndpoint } = client.config;
  if (isCustomEndpoint || ignoreConfiguredEndpointUrls || !serviceConfiguredEndpoint) return undefined;
  const url = await serviceConfiguredEndpoint();
  return url ? new URL(url) : undefined;
}

/**
 * createClient, set up for the endpoint that AWS_ENDPOINT_URL(_<SERVICE>) configures (an emulator,
 * a proxy): S3 by path, S3 Control at the host as given. With none configured, createClient's client
 * as it is, AWS's own endpoint rules (regions, FIPS, dual-stack) untouched.
 */
export async function createClientForEndpoint(service: string, config: object): Promise<AwsClient> {
  const { customEndpointConfig } = serviceEntry(service);
  const client = createClient(service, config);
  const endpoint = customEndpointConfig && (await configuredEndpoint(client));
  if (!endpoint) return client;
  client.destroy();
  return createClient(service, { ...customEndpointConfig(endpoint), ...config });
}
