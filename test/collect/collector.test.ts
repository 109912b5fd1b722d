import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectSnapshot, sharedCredentials, type CollectProgress } from '../../src/collect/collector.js';
import { InputError } from '../../src/errors.js';
import { packagePath } from '../../src/paths.js';
import { paramsKey, readSnapshotFile, validateSnapshot, type Snapshot, type SnapshotCall } from '../../src/snapshot.js';
import { answerFrom, awsError, mockAws, type Answer, type SentCall } from './mock-aws.js';
import { withEnv } from './with-env.js';

const MINI = readSnapshotFile(packagePath('test', 'fixtures', 'collect', 'mini-account.json'));
const keyOf = (c: Pick<SnapshotCall, 'service' | 'operation' | 'region' | 'params'>) => `${c.service} ${c.operation} ${c.region} ${paramsKey(c.params)}`;
const find = (snapshot: Snapshot, operation: string, region?: string, params?: Record<string, unknown>) =>
  snapshot.calls.find((c) => c.operation === operation && (region === undefined || c.region === region) && (params === undefined || paramsKey(c.params) === paramsKey(params)));

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

/** Mocks AWS with the mini account, letting `special` answer some calls differently (undefined: fall through). */
function mockMini(special: (call: SentCall) => unknown = () => undefined): SentCall[] {
  const base = answerFrom(MINI);
  const answer: Answer = (call) => special(call) ?? base(call);
  const mocked = mockAws(answer);
  restore = mocked.restore;
  return mocked.sent;
}

describe('collectSnapshot against a mocked account', () => {
  it('records every call of the plan, in plan order, as a valid snapshot', async () => {
    mockMini();
    const warnings: string[] = [];
    const snapshot = await collectSnapshot({ onWarning: (w) => warnings.push(w) });
    expect(() => validateSnapshot(JSON.parse(JSON.stringify(snapshot)), 'collected')).not.toThrow();
    expect(snapshot).toMatchObject({ format: 'assay.snapshot/v1', account: '444455556666', partition: 'aws', regions: ['us-east-1', 'eu-west-1'] });
    expect(Date.parse(snapshot.collectedAt)).not.toBeNaN();
    expect(new Set(snapshot.calls.map(keyOf))).toEqual(new Set(MINI.calls.map(keyOf)));
    expect(snapshot.calls.slice(0, 2).map((c) => c.operation)).toEqual(['GetCallerIdentity', 'DescribeRegions']);
    // Recorded failures keep the AWS error code and message.
    expect(find(snapshot, 'GetBucketPolicy', 'eu-west-1')?.error).toEqual({ code: 'NoSuchBucketPolicy', message: 'The bucket policy does not exist' });
  });

  it('merges every page of a listing and follows each listed resource', async () => {
    const users = ['ann', 'bob', 'cy', 'dee', 'eve'].map((UserName) => ({ UserName, Arn: `arn:aws:iam::444455556666:user/${UserName}`, CreateDate: new Date('2024-01-01T00:00:00Z') }));
    const sent = mockMini(({ operation, input, region }) => {
      if (operation === 'ListUsers') {
        if (!input.Marker) return { Users: users.slice(0, 2), IsTruncated: true, Marker: 'p2' };
        if (input.Marker === 'p2') return { Users: users.slice(2, 4), IsTruncated: true, Marker: 'p3' };
        return { Users: users.slice(4), IsTruncated: false };
      }
      if (operation === 'ListAccessKeys') {
        const key = (n: number) => ({ UserName: input.UserName, AccessKeyId: `AKIA${String(input.UserName).toUpperCase()}${n}`, Status: 'Active' });
        return input.Marker ? { AccessKeyMetadata: [key(2)], IsTruncated: false } : { AccessKeyMetadata: [key(1)], IsTruncated: true, Marker: 'k2' };
      }
      if (operation === 'DescribeSecurityGroups' && region === 'us-east-1') {
        return input.NextToken ? { SecurityGroups: [{ GroupId: 'sg-2' }] } : { SecurityGroups: [{ GroupId: 'sg-1' }], NextToken: 't2' };
      }
      if (['ListAttachedUserPolicies', 'ListUserPolicies'].includes(operation)) return {};
      return undefined;
    });
    const snapshot = await collectSnapshot({ regions: ['us-east-1'] });
    expect(find(snapshot, 'ListUsers')?.output).toEqual({ Users: users.map((u) => ({ ...u, CreateDate: '2024-01-01T00:00:00+00:00' })) });
    expect(sent.filter((c) => c.operation === 'ListUsers')).toHaveLength(3);
    for (const { UserName } of users) {
      expect(find(snapshot, 'ListAccessKeys', 'us-east-1', { UserName })?.output).toEqual({
        AccessKeyMetadata: [1, 2].map((n) => ({ UserName, AccessKeyId: `AKIA${UserName.toUpperCase()}${n}`, Status: 'Active' })),
      });
    }
    expect(find(snapshot, 'DescribeSecurityGroups', 'us-east-1')?.output).toEqual({ SecurityGroups: [{ GroupId: 'sg-1' }, { GroupId: 'sg-2' }] });
  });

  it('records AccessDenied in one region and still collects the others', async () => {
    mockMini(({ operation, region }) => {
      if (operation === 'DescribeSecurityGroups' && region === 'eu-west-1') throw awsError('UnauthorizedOperation', 'You are not authorized to perform this operation.');
      if (operation === 'ListAnalyzers' && region === 'eu-west-1') throw awsError('AccessDeniedException', 'not authorized');
      return undefined;
    });
    const snapshot = await collectSnapshot();
    expect(find(snapshot, 'DescribeSecurityGroups', 'eu-west-1')?.error).toEqual({ code: 'UnauthorizedOperation', message: 'You are not authorized to perform this operation.' });
    expect(find(snapshot, 'ListAnalyzers', 'eu-west-1')?.error?.code).toBe('AccessDeniedException');
    expect(find(snapshot, 'DescribeSecurityGroups', 'us-east-1')?.output).toEqual(find(MINI, 'DescribeSecurityGroups', 'us-east-1')?.output);
    expect(snapshot.calls).toHaveLength(MINI.calls.length);
  });

  describe('regions', () => {
    it('leaves out a region that is not opted in, and says so', async () => {
      const sent = mockMini();
      const warnings: string[] = [];
      const snapshot = await collectSnapshot({ onWarning: (w) => warnings.push(w) });
      expect(snapshot.regions).toEqual(['us-east-1', 'eu-west-1']);
      expect(warnings).toEqual(['not opted in, so not collected: me-south-1']);
      expect(sent.some((c) => c.region === 'me-south-1')).toBe(false);
      expect(find(snapshot, 'DescribeRegions')?.output).toEqual(find(MINI, 'DescribeRegions')?.output);
    });

    it('collects the regions asked for, skipping one that is not opted in', async () => {
      const sent = mockMini();
      const warnings: string[] = [];
      const snapshot = await collectSnapshot({ regions: ['eu-west-1', 'me-south-1'], onWarning: (w) => warnings.push(w) });
      expect(snapshot.regions).toEqual(['eu-west-1']);
      expect(warnings).toEqual(['not opted in for this account, so not collected: me-south-1']);
      const regional = sent.filter((c) => c.operation === 'DescribeVpcs').map((c) => c.region);
      expect(regional).toEqual(['eu-west-1']);
    });

    it('refuses a region the account does not have', async () => {
      mockMini();
      await expect(collectSnapshot({ regions: ['us-east-1', 'mars-north-1'] })).rejects.toThrow(/unknown region mars-north-1; this account's enabled regions: us-east-1, eu-west-1/);
    });

    it('records the failures of an opted-in region whose endpoints turn the credentials away, without stopping', async () => {
      mockMini(({ operation, region }) => {
        if (operation === 'DescribeRegions') return { Regions: [{ RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' }, { RegionName: 'ap-east-1', OptInStatus: 'opted-in' }] };
        if (region === 'ap-east-1') throw awsError('AuthFailure', 'AWS was not able to validate the provided access credentials');
        return undefined;
      });
      const snapshot = await collectSnapshot();
      expect(snapshot.regions).toEqual(['us-east-1', 'ap-east-1']);
      const inRegion = snapshot.calls.filter((c) => c.region === 'ap-east-1');
      expect(inRegion.length).toBeGreaterThan(10);
      expect(inRegion.every((c) => c.error?.code === 'AuthFailure')).toBe(true);
      expect(find(snapshot, 'DescribeVpcs', 'us-east-1')?.output).toBeDefined();
    });

    it('needs --regions when the region list cannot be read', async () => {
      mockMini(({ operation }) => {
        if (operation === 'DescribeRegions') throw awsError('UnauthorizedOperation', 'denied');
        return undefined;
      });
      await expect(collectSnapshot()).rejects.toThrow(/ec2 DescribeRegions failed with UnauthorizedOperation.*--regions/);
      const warnings: string[] = [];
      const snapshot = await collectSnapshot({ regions: ['eu-west-1'], onWarning: (w) => warnings.push(w) });
      expect(snapshot.regions).toEqual(['eu-west-1']);
      expect(warnings[0]).toMatch(/could not check the regions/);
      expect(find(snapshot, 'DescribeRegions')?.error?.code).toBe('UnauthorizedOperation');
    });
  });

  it('waits for the credential report to be generated', async () => {
    const states = ['STARTED', 'INPROGRESS', 'COMPLETE'];
    let reportAsked = 0;
    const content = 'user,arn\n<root_account>,arn:aws:iam::444455556666:root\n';
    const sent = mockMini(({ operation }) => {
      if (operation === 'GenerateCredentialReport') return { State: states.shift() ?? 'COMPLETE' };
      if (operation === 'GetCredentialReport') {
        reportAsked++;
        if (reportAsked === 1) throw awsError('ReportInProgress', 'Report generation in progress');
        return { Content: new Uint8Array(Buffer.from(content)), ReportFormat: 'text/csv', GeneratedTime: new Date('2025-06-01T08:59:00Z') };
      }
      return undefined;
    });
    const snapshot = await collectSnapshot({ pollIntervalMs: 0 });
    expect(sent.filter((c) => c.operation === 'GenerateCredentialReport')).toHaveLength(3);
    expect(sent.filter((c) => c.operation === 'GetCredentialReport')).toHaveLength(2);
    // The report is asked for only once generation is over.
    const order = sent.map((c) => c.operation);
    expect(order.indexOf('GetCredentialReport')).toBeGreaterThan(order.lastIndexOf('GenerateCredentialReport'));
    expect(find(snapshot, 'GenerateCredentialReport')?.output).toEqual({ State: 'COMPLETE' });
    expect(find(snapshot, 'GetCredentialReport')?.output).toEqual({
      Content: Buffer.from(content).toString('base64'),
      ReportFormat: 'text/csv',
      GeneratedTime: '2025-06-01T08:59:00+00:00',
    });
  });

  it('gives up on a credential report that never completes after a bounded number of tries', async () => {
    const sent = mockMini(({ operation }) => {
      if (operation === 'GenerateCredentialReport') return { State: 'INPROGRESS' };
      if (operation === 'GetCredentialReport') throw awsError('ReportInProgress', 'still going');
      return undefined;
    });
    const snapshot = await collectSnapshot({ pollIntervalMs: 0 });
    expect(sent.filter((c) => c.operation === 'GenerateCredentialReport')).toHaveLength(30);
    expect(sent.filter((c) => c.operation === 'GetCredentialReport')).toHaveLength(10);
    expect(find(snapshot, 'GetCredentialReport')?.error?.code).toBe('ReportInProgress');
  });

  it('converts SDK output to the CLI form: dates, blobs and encoded policy documents', async () => {
    mockMini();
    const snapshot = await collectSnapshot();
    const version = find(snapshot, 'GetPolicyVersion', 'us-east-1', { PolicyArn: 'arn:aws:iam::444455556666:policy/ci-deploy', VersionId: 'v3' });
    expect(version?.output).toEqual({
      PolicyVersion: {
        Document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
        VersionId: 'v3',
        IsDefaultVersion: true,
        CreateDate: '2023-01-01T09:00:00+00:00',
      },
    });
    expect((find(snapshot, 'GetTrailStatus')?.output as { LatestDeliveryTime: string }).LatestDeliveryTime).toBe('2025-06-01T08:55:12.123000+00:00');
    expect((find(snapshot, 'GetCredentialReport')?.output as { Content: string }).Content).toBe((find(MINI, 'GetCredentialReport')?.output as { Content: string }).Content);
  });

  it('keeps no more calls in flight than asked', async () => {
    for (const concurrency of [1, 3]) {
      let inFlight = 0;
      let most = 0;
      const base = answerFrom(MINI);
      const mocked = mockAws(async (call) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight--;
        return base(call);
      });
      restore = mocked.restore;
      await collectSnapshot({ concurrency });
      mocked.restore();
      restore = undefined;
      expect(most).toBe(concurrency);
    }
  });

  it('reports progress: one step per recorded call, done never ahead of known', async () => {
    mockMini();
    const seen: CollectProgress[] = [];
    const snapshot = await collectSnapshot({ onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.done)).toEqual(snapshot.calls.map((_, i) => i + 1));
    expect(seen.every((p, i) => p.done <= p.known && (i === 0 || p.known >= seen[i - 1]!.known))).toBe(true);
    expect(seen.at(-1)).toMatchObject({ done: snapshot.calls.length, known: snapshot.calls.length });
    expect(seen[0]).toEqual({ done: 1, known: 1, service: 'sts', operation: 'GetCallerIdentity', region: 'us-east-1' });
    const recorded = new Set(snapshot.calls.map((c) => `${c.service} ${c.operation} ${c.region}`));
    expect(seen.every((p) => recorded.has(`${p.service} ${p.operation} ${p.region}`))).toBe(true);
  });

  it('stops with a login hint, and calls nothing else, when the credentials cannot be used', async () => {
    const sent = mockMini(({ operation }) => {
      if (operation === 'GetCallerIdentity') throw awsError('ExpiredTokenException', 'The security token included in the request is expired');
      return undefined;
    });
    const failure = collectSnapshot({ profile: 'audit' });
    await expect(failure).rejects.toThrow(InputError);
    await expect(failure).rejects.toThrow(/credentials of profile "audit": ExpiredTokenException.*\n.*aws sso login --profile audit/);
    expect(sent.map((c) => c.operation)).toEqual(['GetCallerIdentity']);
  });

  it('stops when aborted, with nothing to write', async () => {
    mockMini();
    const controller = new AbortController();
    const run = collectSnapshot({ signal: controller.signal, onProgress: ({ done }) => done === 10 && controller.abort() });
    await expect(run).rejects.toThrow(/interrupted; nothing was written/);
  });
});

describe('credentials shared by every client', () => {
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes));
  const clock = () => at(0).getTime();

  it('resolves once for all clients', async () => {
    let resolved = 0;
    const shared = sharedCredentials(async () => ({ accessKeyId: `AKID${++resolved}`, secretAccessKey: 's', expiration: at(60) }), clock);
    const all = await Promise.all(Array.from({ length: 50 }, () => shared()));
    expect(resolved).toBe(1);
    expect(new Set(all.map((c) => c.accessKeyId))).toEqual(new Set(['AKID1']));
  });

  it('refreshes credentials that expire within five minutes', async () => {
    let resolved = 0;
    const shared = sharedCredentials(async () => ({ accessKeyId: `AKID${++resolved}`, secretAccessKey: 's', expiration: at(resolved === 1 ? 3 : 60) }), clock);
    expect((await shared()).accessKeyId).toBe('AKID2');
    expect((await shared()).accessKeyId).toBe('AKID2');
    expect(resolved).toBe(2);
  });

  it('asks again after a failure instead of keeping it', async () => {
    let tries = 0;
    const shared = sharedCredentials(async () => {
      if (++tries === 1) throw new Error('token expired');
      return { accessKeyId: 'AKID', secretAccessKey: 's' };
    });
    await expect(shared()).rejects.toThrow('token expired');
    await expect(shared()).resolves.toMatchObject({ accessKeyId: 'AKID' });
    await shared();
    expect(tries).toBe(2);
  });
});

// Real SDK clients, with the HTTP transport replaced: the SDK's own adaptive retries are at work.
describe('collectSnapshot through the SDK transport', () => {
  const xml = (body: string, statusCode = 200) => ({ response: { statusCode, headers: { 'content-type': 'text/xml' }, body: new TextEncoder().encode(body) } });
  const error = (code: string) => xml(`<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${code} here</Message></Error><RequestId>r</RequestId></ErrorResponse>`, 400);

  function transport(iamSummary: () => ReturnType<typeof xml>) {
    return {
      handle: async (request: { body?: unknown; headers: Record<string, string> }) => {
        const body = typeof request.body === 'string' ? request.body : '';
        if (body.includes('Action=GetCallerIdentity'))
          return xml('<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/a</Arn><UserId>AIDA</UserId><Account>111122223333</Account></GetCallerIdentityResult></GetCallerIdentityResponse>');
        if (body.includes('Action=DescribeRegions'))
          return xml('<DescribeRegionsResponse><regionInfo><item><regionName>us-east-1</regionName><optInStatus>opt-in-not-required</optInStatus></item></regionInfo></DescribeRegionsResponse>');
        if (body.includes('Action=GetAccountSummary')) return iamSummary();
        if (request.headers['x-amz-target'] || request.headers['content-type']?.includes('json'))
          return { response: { statusCode: 400, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': 'AccessDeniedException' }, body: new TextEncoder().encode('{"message":"denied"}') } };
        return error('AccessDenied');
      },
    };
  }
  const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
  const summary = xml('<GetAccountSummaryResponse><GetAccountSummaryResult><SummaryMap><entry><key>AccountMFAEnabled</key><value>1</value></entry></SummaryMap></GetAccountSummaryResult></GetAccountSummaryResponse>');

  it('retries a throttled call until it succeeds', async () => {
    let tries = 0;
    const requestHandler = transport(() => (++tries <= 2 ? error('Throttling') : summary));
    const snapshot = await collectSnapshot({ regions: ['us-east-1'], clientConfig: { requestHandler, credentials } });
    expect(tries).toBe(3);
    expect(find(snapshot, 'GetAccountSummary')?.output).toEqual({ SummaryMap: { AccountMFAEnabled: 1 } });
    expect(find(snapshot, 'ListUsers')?.error?.code).toBe('AccessDenied');
  });

  it('records a call still throttled after the last retry', async () => {
    let tries = 0;
    const requestHandler = transport(() => {
      tries++;
      return error('Throttling');
    });
    const snapshot = await collectSnapshot({ regions: ['us-east-1'], clientConfig: { requestHandler, credentials, maxAttempts: 2 } });
    expect(tries).toBe(2);
    expect(find(snapshot, 'GetAccountSummary')?.error).toEqual({ code: 'Throttling', message: 'Throttling here' });
  });
});

describe('principle: a failed call records what AWS answered, or that no AWS answer could be read', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const answer = (statusCode: number, contentType: string, body: string) => ({ response: { statusCode, headers: { 'content-type': contentType }, body: bytes(body) } });
  const credentials = { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' };
  const identity = answer(200, 'text/xml', '<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::111122223333:user/a</Arn><Account>111122223333</Account></GetCallerIdentityResult></GetCallerIdentityResponse>');
  // An answer cut off midway: neither an XML nor a JSON parser can read it.
  const cutOff = '<GetAccountSummaryResponse><GetAccountSummaryResult><SummaryMap><entry><key>Users</key>';
  const wellFormedPage = '<!doctype html><html><head><title>Sign in</title></head><body><p>Please sign in to the proxy.</p></body></html>';

  /** Answers the identity call, and every other call with `other`, whatever the protocol. */
  const collectAnswering = (other: (body: string) => ReturnType<typeof answer> | Promise<never>) =>
    collectSnapshot({
      regions: ['us-east-1'],
      clientConfig: {
        credentials,
        maxAttempts: 1,
        requestHandler: {
          handle: async (request: { body?: unknown }) => {
            const body = typeof request.body === 'string' ? request.body : '';
            return body.includes('Action=GetCallerIdentity') ? identity : other(body);
          },
        },
      },
    });

  it('records an answer the SDK cannot parse as UnparseableResponse with its HTTP status, never the parser’s exception name', async () => {
    const snapshot = await collectAnswering(() => answer(200, 'text/xml', cutOff));
    const codes = new Set(snapshot.calls.filter((c) => c.error).map((c) => c.error!.code));
    expect(codes).toEqual(new Set(['UnparseableResponse']));
    // Query/XML (IAM), JSON (CloudTrail) and REST-XML (S3) answers alike.
    for (const operation of ['GetAccountSummary', 'DescribeTrails', 'ListBuckets']) {
      expect(find(snapshot, operation)?.error?.message, operation).toMatch(/^HTTP 200 \(text\/xml\): the answer could not be read: \S/);
    }
    expect(find(snapshot, 'GetAccountSummary')?.error?.message).not.toMatch(/Deserialization error|\$response/);
  });

  it('records an HTML page as UnparseableResponse even where it parses, instead of an empty answer or a made-up code', async () => {
    const ok = await collectAnswering(() => answer(200, 'text/html; charset=utf-8', wellFormedPage));
    expect(find(ok, 'GetAccountSummary')?.error?.code).toBe('UnparseableResponse');
    expect(find(ok, 'DescribeSecurityGroups')?.error?.code).toBe('UnparseableResponse');
    expect(ok.calls.filter((c) => c.output && c.operation !== 'GetCallerIdentity')).toEqual([]);
    const xhtml = await collectAnswering(() => answer(200, 'application/xhtml+xml', `<?xml version="1.0" encoding="UTF-8"?>\n${wellFormedPage.replace('<!doctype html>', '<!DOCTYPE html>')}`));
    expect(find(xhtml, 'GetAccountSummary')?.error?.code).toBe('UnparseableResponse');
    const notFound = await collectAnswering(() => answer(404, 'text/html', wellFormedPage));
    expect(find(notFound, 'GetAccountSummary')?.error).toEqual({ code: 'UnparseableResponse', message: 'HTTP 404 (text/html): the answer is an HTML page, not an AWS API answer' });
  });

  it('records an error answer whose body names no AWS error as UnparseableResponse, not the SDK’s made-up “Unknown”', async () => {
    const snapshot = await collectAnswering(() => answer(502, 'text/plain', ''));
    expect(new Set(snapshot.calls.filter((c) => c.error).map((c) => c.error!.code))).toEqual(new Set(['UnparseableResponse']));
    for (const operation of ['GetAccountSummary', 'DescribeTrails', 'ListBuckets']) {
      expect(find(snapshot, operation)?.error, operation).toEqual({ code: 'UnparseableResponse', message: 'HTTP 502 (text/plain): the answer names no AWS error' });
    }
  });

  it('records a request that got no answer as RequestFailed, with the reason', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const snapshot = await collectAnswering(() => Promise.reject(refused));
    expect(find(snapshot, 'GetAccountSummary')?.error).toEqual({ code: 'RequestFailed', message: 'connect ECONNREFUSED 127.0.0.1:9' });
    const timedOut = Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' });
    const again = await collectAnswering(() => Promise.reject(timedOut));
    expect(find(again, 'ListUsers')?.error).toEqual({ code: 'RequestFailed', message: 'TimeoutError ECONNRESET: socket hang up' });
  });
});

describe('principle: an AWS-compatible endpoint given by AWS_ENDPOINT_URL is used exactly as given', () => {
  const ACCOUNT = '111122223333';
  const BUCKET = 'assay-bucket';
  const xml = (body: string) => ({ status: 200, type: 'text/xml', body });
  const ANSWERS: Record<string, ReturnType<typeof xml>> = {
    'POST / GetCallerIdentity': xml(`<GetCallerIdentityResponse><GetCallerIdentityResult><Arn>arn:aws:iam::${ACCOUNT}:user/a</Arn><Account>${ACCOUNT}</Account></GetCallerIdentityResult></GetCallerIdentityResponse>`),
    'POST / DescribeRegions': xml('<DescribeRegionsResponse><regionInfo><item><regionName>us-east-1</regionName><optInStatus>opt-in-not-required</optInStatus></item></regionInfo></DescribeRegionsResponse>'),
    'GET /': xml(`<ListAllMyBucketsResult><Buckets><Bucket><Name>${BUCKET}</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>`),
    [`GET /${BUCKET}/?location`]: xml('<LocationConstraint xmlns="http://s3.amazonaws.com/doc/2006-03-01/">us-east-1</LocationConstraint>'),
    'GET /control/v20180820/configuration/publicAccessBlock': xml(
      '<PublicAccessBlockConfiguration><BlockPublicAcls>true</BlockPublicAcls><IgnorePublicAcls>true</IgnorePublicAcls><BlockPublicPolicy>true</BlockPublicPolicy><RestrictPublicBuckets>true</RestrictPublicBuckets></PublicAccessBlockConfiguration>',
    ),
  };

  interface Received {
    method: string;
    host: string;
    path: string;
    headers: Record<string, string | string[] | undefined>;
  }

  /**
   * An AWS-compatible service on loopback that answers the calls above, each after a moment so calls
   * overlap, and any other with an HTML page — or, with `unanswered`, never (it is handed the response).
   */
  async function fakeEndpoint(unanswered?: (res: ServerResponse) => void): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
    const received: Received[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const path = (req.url ?? '/').replace(/[?&]x-id=[^&]*/, '').replace(/\?$/, '').replace('?location=', '?location');
        received.push({ method: req.method ?? '', host: req.headers.host ?? '', path, headers: req.headers });
        const action = /Action=(\w+)/.exec(body)?.[1];
        const known = ANSWERS[`${req.method} ${path}${action ? ` ${action}` : ''}`];
        if (!known && unanswered) return unanswered(res);
        const found = known ?? { status: 404, type: 'text/html', body: '<html><body>no such API</body></html>' };
        setTimeout(() => res.writeHead(found.status, { 'content-type': found.type }).end(found.body), 5);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const close = () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections());
    return { url: `http://localhost:${port}`, received, close };
  }

  it('sends S3 Control to the configured host without the account id in front, S3 by path, and every other service there too — with no warnings', async () => {
    const endpoint = await fakeEndpoint();
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      const snapshot = await withEnv({ AWS_ENDPOINT_URL: endpoint.url, AWS_ENDPOINT_URL_S3_CONTROL: `${endpoint.url}/control` }, () =>
        collectSnapshot({ regions: ['us-east-1'], signal: new AbortController().signal, clientConfig: { credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' } } }),
      );
      await new Promise((resolve) => setImmediate(resolve));
      const host = new URL(endpoint.url).host;
      expect(endpoint.received.every((r) => r.host === host)).toBe(true);
      expect(find(snapshot, 'GetPublicAccessBlock', 'us-east-1', { AccountId: ACCOUNT })?.output).toEqual({
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true },
      });
      expect(endpoint.received.find((r) => r.path.startsWith('/control/'))?.headers['x-amz-account-id']).toBe(ACCOUNT);
      expect(find(snapshot, 'GetBucketLocation', 'us-east-1', { Bucket: BUCKET })?.output).toEqual({ LocationConstraint: 'us-east-1' });
      // Each bucket call then goes to the bucket's path on the same host (four per bucket, after its location).
      expect(endpoint.received.filter((r) => r.path.startsWith(`/${BUCKET}/`))).toHaveLength(5);
      // What the fake does not answer is recorded as such, under every protocol.
      expect(find(snapshot, 'DescribeTrails')?.error?.code).toBe('UnparseableResponse');
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      await endpoint.close();
    }
  });

  it('aborts every request in flight when the run is interrupted, with no warnings however many there are', async () => {
    const controller = new AbortController();
    const pending: ServerResponse[] = [];
    let aborted = 0;
    const endpoint = await fakeEndpoint((res) => {
      res.on('close', () => aborted++);
      if (pending.push(res) === 16) controller.abort();
    });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      const run = withEnv({ AWS_ENDPOINT_URL: endpoint.url }, () =>
        collectSnapshot({ regions: ['us-east-1'], concurrency: 16, signal: controller.signal, clientConfig: { credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' } } }),
      );
      await expect(run).rejects.toThrow(/interrupted; nothing was written/);
      await vi.waitFor(() => expect(aborted).toBe(pending.length));
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toEqual([]);
    } finally {
      process.off('warning', onWarning);
      await endpoint.close();
    }
  });

  it('keeps AWS’s own addressing when no endpoint is configured: the account id in S3 Control’s host, buckets as host names', async () => {
    const hosts: string[] = [];
    const requestHandler = {
      handle: async (request: { hostname: string; path: string; body?: unknown }) => {
        hosts.push(`${request.hostname}${request.path}`);
        const body = typeof request.body === 'string' ? request.body : '';
        const found = body.includes('Action=GetCallerIdentity')
          ? ANSWERS['POST / GetCallerIdentity']!
          : request.hostname.startsWith('s3.') && request.path === '/'
            ? ANSWERS['GET /']!
            : { status: 403, type: 'text/xml', body: '<Error><Code>AccessDenied</Code><Message>denied</Message></Error>' };
        return { response: { statusCode: found.status, headers: { 'content-type': found.type }, body: new TextEncoder().encode(found.body) } };
      },
    };
    await withEnv({ AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }, () =>
      collectSnapshot({ regions: ['us-east-1'], clientConfig: { requestHandler, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' }, maxAttempts: 1 } }),
    );
    expect(hosts).toContain(`${ACCOUNT}.s3-control.us-east-1.amazonaws.com/v20180820/configuration/publicAccessBlock`);
    expect(hosts.some((h) => h.startsWith(`${BUCKET}.s3.`))).toBe(true);
  });
});
