import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { bundleForChildProcess, removeBundle } from '../helpers/bundle.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTOMATED_REC, openService, tempDir } from '../service/fixture.js';
import { CATALOG } from '../../checks/catalog.js';

const run = promisify(execFile);

// The real CLI as separate node processes, bundled once (test/helpers/bundle.ts).
let bundleDir = '';
const cliPath = () => join(bundleDir, 'main.mjs');

beforeAll(async () => {
  bundleDir = await bundleForChildProcess(['src', 'main.ts'], 'assay-cli-test');
}, 60_000);

afterAll(() => removeBundle(bundleDir));

function assay(db: string, actor: string, ...argv: string[]) {
  return run(process.execPath, [cliPath(), ...argv, '--db', db], { env: { ...process.env, ASSAY_ASSESSOR: actor, NODE_ENV: 'production' } });
}

describe('several assay processes on one database', () => {
  it('lands every concurrent decision and keeps the chain intact', async () => {
    const db = join(tempDir(), 'shared.db');
    const setup = openService(db);
    const { id } = setup.createAssessment({ name: 'busy', source: 'test', account: '111122223333' });
    setup.close();
    const recs = CATALOG.filter((r) => r.assessment === 'automated').slice(0, 6).map((r) => r.id);
    // Hold the write lock while the workers start, so they all queue on it and then race.
    const blocker = new Database(db);
    blocker.exec('BEGIN IMMEDIATE');
    const workers = recs.map((rec, n) => assay(db, `worker-${n}`, 'decide', String(id), rec, AUTOMATED_REC, '--status', 'fail', '--justification', `seen by worker ${n}`));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    blocker.exec('ROLLBACK');
    blocker.close();
    const outputs = await Promise.all(workers);
    for (const { stderr } of outputs) expect(stderr).toBe('');

    const service = openService(db);
    const events = service.history(id);
    expect(events).toHaveLength(recs.length * 2 - (recs.includes(AUTOMATED_REC) ? 1 : 0));
    expect(new Set(events.map((e) => e.actor))).toEqual(new Set(recs.map((_, n) => `worker-${n}`)));
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(service.verifyHistory(id)).toMatchObject({ intact: true, problems: [] });
    for (const rec of recs) expect(service.getDecisions(id).find((d) => d.recId === rec)?.status).toBe('fail');
    const { stdout } = await assay(db, 'auditor', 'history', String(id), '--verify');
    expect(stdout).toContain(`history intact: ${events.length} events`);
  }, 60_000);

  it('creates and migrates a new database once when several processes start together', async () => {
    const db = join(tempDir(), 'fresh', 'assay.db');
    const outputs = await Promise.all([0, 1, 2, 3].map((n) => assay(db, `starter-${n}`, 'new', '--name', `assessment ${n}`)));
    const ids = outputs.map(({ stdout }) => Number(stdout.trim())).sort();
    expect(ids).toEqual([1, 2, 3, 4]);
    expect(openService(db).listAssessments().map((s) => s.assessment.createdBy).sort()).toEqual(['starter-0', 'starter-1', 'starter-2', 'starter-3']);
  }, 60_000);
});
