import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SimulatedAccount } from '../../bench/simulated-account.js';
import { collectSnapshot } from '../../src/collect/collector.js';
import { writeSnapshotFile } from '../../src/snapshot.js';
import { cli } from '../../test/cli/run.js';
import { chainSnapshot, metricAlarm } from '../../test/helpers/monitoring-chain.js';
import { makeSnapshot, run, TEST_ACCOUNT } from '../../test/helpers/snapshot.js';
import { rootUsageMonitored } from '../monitoring/5.3-root-usage.js';
import type { Finding, Recommendation } from '../types.js';

const ROOT = '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }';
const dir = mkdtempSync(join(tmpdir(), 'assay-resource-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('principle: nothing the checks need may be absent from what they store — a finding always has a resource', () => {
  it('names an alarm without an ARN by the ARN its name gives', () => {
    const alarm = metricAlarm({ AlarmArn: undefined });
    const result = run(rootUsageMonitored, chainSnapshot(ROOT, { alarms: [alarm] }));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.resource).toBe(`arn:aws:cloudwatch:us-east-1:${TEST_ACCOUNT}:alarm:cis-alarm`);
  });

  it('gives every finding of any check a resource and a region, the account when the check named none', () => {
    const careless: Recommendation = { ...rootUsageMonitored, id: '9.9', evaluate: () => [{ status: 'fail', detail: 'x' } as unknown as Finding] };
    expect(run(careless, makeSnapshot([])).findings).toEqual([{ resource: TEST_ACCOUNT, region: 'global', status: 'fail', detail: 'x' }]);
  });

  it('`assay new` stores the scan of the bench\'s simulated account', async () => {
    const account = new SimulatedAccount({ regions: 2, users: 3, buckets: 2, securityGroups: 3, instances: 2, latencyMs: 0 });
    const snapshot = await collectSnapshot({ clientConfig: { requestHandler: account.requestHandler, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test' } } });
    const file = join(dir, 'simulated.json');
    writeSnapshotFile(file, snapshot);
    const created = await cli('new', '--name', 'simulated', '--snapshot', file, '--db', join(dir, 'assay.db'));
    expect(created.err).not.toContain('NOT NULL');
    expect(created.code).toBe(0);
    expect(created.err).toContain('63 results');
  });
});
