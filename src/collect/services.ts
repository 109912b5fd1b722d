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
}

type ClientClass = new (config: object) => AwsClient;
type CommandClass = new (input: object) => unknown;
type Paginator = (config: { client: AwsClient }, input: object, options?: { abortSignal?: AbortSignal }) => AsyncIterable<Record<string, unknown>>;

interface ServiceEntry {
  client: ClientClass;
  module: Record<string, unknown>;
  /** Client settings this service needs. */
  config?: object;
}

function entry(module: object, clientName: string, config?: object): ServiceEntry {
  const client = (module as Record<string, unknown>)[clientName] as ClientClass;
  return { client, module: module as Record<string, unknown>, ...(config ? { config } : {}) };
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
  s3api: entry(s3, 'S3Client', { followRegionRedirects: true }),
  s3control: entry(s3control, 'S3ControlClient'),
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

/** An SDK client that refuses, before anything is signed or sent, every call that is not read-only. */
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
  return client;
}
