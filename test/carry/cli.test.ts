import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { writeSnapshotFile } from '../../src/snapshot.js';
import { passwordPolicySnapshot } from '../fixtures/assessments.js';
import { openService, tempDir } from './fixture.js';

async function assay(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Assessment 1 (2.7 failing on a minimum length of 8) with a valid and an expired exception. */
function setup() {
  const dir = tempDir();
  const db = `${dir}/assay.db`;
  const service = openService(db, () => new Date('2026-01-05T10:00:00Z'));
  const { id } = service.createAssessment({ name: 'Q4 2025', source: 'snapshot:q4.json', snapshot: passwordPolicySnapshot(8) });
  const exception = { status: 'exception' as const, justification: 'accepted for now', approver: 'cto' };
  service.decide(id, { recId: '2.8', ...exception, expiresAt: '2026-12-31' });
  service.decide(id, { recId: '2.9', ...exception, expiresAt: '2026-02-01' });
  return { dir, db, service, id };
}

describe('assay new --from', () => {
  it('starts a new assessment from an earlier one and prints its id', async () => {
    const { db, service, id } = setup();
    const { code, out, err } = await assay('--db', db, 'new', '--name', 'Q1 2026', '--from', String(id));
    expect(code).toBe(0);
    const newId = Number(out.trim());
    expect(service.getAssessment(newId).carriedFrom).toBe(id);
    expect(err).toContain(`from assessment ${id} "Q4 2025" (the same snapshot as assessment ${id})`);
    expect(err).toContain('carried — confirm (1):');
    expect(err).toMatch(/2\.9 +exception expired on 2026-02-01: needs review, not extended/);
    expect(service.getDecisions(newId).map((d) => [d.recId, d.carriedFrom?.assessmentId])).toEqual([['2.8', id]]);
  });

  it('refuses a snapshot of another account unless --force, naming both', async () => {
    const { dir, db, service, id } = setup();
    const other = passwordPolicySnapshot(14, '444455556666');
    writeSnapshotFile(`${dir}/other.json`, other);
    const refused = await assay('--db', db, 'new', '--name', 'Q1 2026', '--from', String(id), '--snapshot', `${dir}/other.json`);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/444455556666.*111122223333.*--force/);
    expect(service.listAssessments()).toHaveLength(1);

    const forced = await assay('--db', db, 'new', '--name', 'Q1 2026', '--from', String(id), '--snapshot', `${dir}/other.json`, '--force');
    expect(forced.code).toBe(0);
    expect(forced.err).toContain('warning: the new snapshot (snapshot:other.json) is from AWS account 444455556666');
    expect(service.getAssessment(Number(forced.out.trim())).account).toBe('444455556666');
  });

  it('keeps --force to carry-forward', async () => {
    const { db } = setup();
    const { code, err } = await assay('--db', db, 'new', '--name', 'x', '--force');
    expect(code).toBe(2);
    expect(err).toContain('--force applies with --from ID only');
  });
});

describe('assay drift', () => {
  it('compares with the assessment it was carried from', async () => {
    const { dir, db, id } = setup();
    writeSnapshotFile(`${dir}/q1.json`, passwordPolicySnapshot(14));
    const created = await assay('--db', db, 'new', '--name', 'Q1 2026', '--from', String(id), '--snapshot', `${dir}/q1.json`);
    const newId = created.out.trim();
    const { code, out } = await assay('--db', db, 'drift', newId);
    expect(code).toBe(0);
    expect(out).toContain(`Drift from assessment ${id} "Q4 2025"`);
    expect(out).toMatch(/2\.7 +assay +fail +→ pass +1 changed/);
    expect(out).toMatch(/~ global 111122223333: fail → pass — \S/);
    expect(out).toContain('1 recommendation drifted.');

    const json = JSON.parse((await assay('--db', db, 'drift', newId, '--json')).out) as { from: number; to: number; drift: { recId: string }[] };
    expect(json).toMatchObject({ from: id, to: Number(newId) });
    expect(json.drift.map((d) => d.recId)).toEqual(['2.7']);
  });

  it('compares any two assessments with --against, and says when there is nothing to compare with', async () => {
    const { db, service, id } = setup();
    const other = service.createAssessment({ name: 'same data', source: 'test', snapshot: passwordPolicySnapshot(8) });
    const same = await assay('--db', db, 'drift', String(other.id), '--against', String(id));
    expect(same.code).toBe(0);
    expect(same.out).toContain('no recommendation changed its result or resources');

    const alone = await assay('--db', db, 'drift', String(id));
    expect(alone.code).toBe(2);
    expect(alone.err).toContain(`assessment ${id} was not carried forward from another; name one to compare with (--against ID)`);
  });
});
