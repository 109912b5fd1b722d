import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isDecisionEvent, type Decision } from '../../src/model.js';
import { eventHash, GENESIS_HASH } from '../../src/store/chain.js';
import { openDatabase } from '../../src/store/database.js';
import { MIGRATIONS, SCHEMA_VERSION, schemaVersion } from '../../src/store/migrations.js';
import { AUTOMATED_REC, openService, tempDir } from '../service/fixture.js';

const EVIDENCE_TEXT = 'screenshot of the password policy page';
const EVIDENCE_SHA = createHash('sha256').update(EVIDENCE_TEXT).digest('hex');
const V1_DECISION: Decision = {
  recId: AUTOMATED_REC,
  status: 'fail',
  justification: 'minimum length is 8',
  likelihood: 3,
  impact: 3,
  riskLevel: 'high',
  dueDate: '2026-06-29',
  decidedBy: 'bob',
  decidedAt: '2026-06-01T09:00:00.000Z',
};

/**
 * Rows as each schema version's code wrote them, written with raw SQL against that version's
 * columns. A new migration must add the rows of the version it leaves behind.
 */
const SEEDS: Record<number, (db: Database.Database) => void> = {
  0: () => {},
  1: (db) => {
    const event = { seq: 1, assessmentId: 1, recId: AUTOMATED_REC, actor: 'bob', at: V1_DECISION.decidedAt, before: null, after: V1_DECISION, prevHash: GENESIS_HASH };
    const hash = eventHash(event);
    db.exec(`INSERT INTO blobs VALUES ('${EVIDENCE_SHA}', ${EVIDENCE_TEXT.length}, 1048576, 1)`);
    db.prepare('INSERT INTO blob_chunks VALUES (?, 0, ?)').run(EVIDENCE_SHA, Buffer.from(EVIDENCE_TEXT));
    db.prepare(
      `INSERT INTO assessments (id, name, account, regions, created_at, created_by, source, chain_length, chain_head)
       VALUES (1, 'June review', '111122223333', '["us-east-1"]', '2026-06-01T08:00:00.000Z', 'bob', 'demo', 1, ?)`,
    ).run(hash);
    db.exec(`INSERT INTO results VALUES (1, '${AUTOMATED_REC}', 'assay', 'fail', '2026-06-01T08:00:00.000Z')`);
    db.exec(`INSERT INTO findings VALUES (1, '${AUTOMATED_REC}', 'assay', 0, '111122223333', 'global', 'fail', 'minimum password length is 8')`);
    db.prepare(
      `INSERT INTO decisions (assessment_id, rec_id, status, justification, likelihood, impact, risk_level, due_date, decided_by, decided_at)
       VALUES (1, ?, 'fail', ?, 3, 3, 'high', '2026-06-29', 'bob', ?)`,
    ).run(AUTOMATED_REC, V1_DECISION.justification, V1_DECISION.decidedAt);
    db.prepare('INSERT INTO decision_events VALUES (1, 1, ?, ?, ?, NULL, ?, ?, ?)').run(
      AUTOMATED_REC,
      'bob',
      V1_DECISION.decidedAt,
      JSON.stringify(V1_DECISION),
      GENESIS_HASH,
      hash,
    );
    db.exec(
      `INSERT INTO evidence (assessment_id, rec_id, sha256, name, media_type, size, note, added_by, added_at)
       VALUES (1, '${AUTOMATED_REC}', '${EVIDENCE_SHA}', 'policy.png', 'image/png', ${EVIDENCE_TEXT.length}, 'IAM settings', 'bob', '2026-06-01T09:05:00.000Z')`,
    );
  },
};

SEEDS[2] = (db) => {
  // Version 2 rows are version 1 rows plus the carry-forward columns and the last recommendation open.
  SEEDS[1]!(db);
  db.prepare('UPDATE assessments SET last_rec_id = ? WHERE id = 1').run(AUTOMATED_REC);
};

// Version 3 added the reasons of a rating, which the seed decision has none of.
SEEDS[3] = (db) => SEEDS[2]!(db);

// Version 4 added the pre-redaction snapshot hash and kept credentials.
SEEDS[4] = (db) => {
  SEEDS[3]!(db);
  db.prepare('UPDATE assessments SET snapshot_original_sha256 = ? WHERE id = 1').run('a'.repeat(64));
  db.prepare("INSERT INTO kept_secrets VALUES (1, 'fp', 'aws-secret-key', 'sample key of the test account', 'bob', '2026-06-01T09:10:00.000Z')").run();
};

function databaseAt(version: number): string {
  const path = join(tempDir(), `v${version}.db`);
  if (version === 0) {
    // A valid but empty SQLite file, as an interrupted first start could leave.
    const db = new Database(path);
    db.exec('VACUUM');
    db.close();
    return path;
  }
  const db = openDatabase(path, { targetVersion: version });
  expect(schemaVersion(db)).toBe(version);
  SEEDS[version]!(db);
  db.close();
  return path;
}

describe('schema migrations', () => {
  it('has seed rows for every earlier version', () => {
    for (let version = 0; version < SCHEMA_VERSION; version++) expect(SEEDS[version], `seed for version ${version}`).toBeDefined();
    expect(MIGRATIONS.find((m) => m.version === 2)?.why).toMatch(/carry-forward/);
    expect(MIGRATIONS.find((m) => m.version === 3)?.why).toMatch(/likelihood/);
  });

  for (let version = 0; version < SCHEMA_VERSION; version++) {
    it(`migrates version ${version} to ${SCHEMA_VERSION} keeping its data`, async () => {
      const path = databaseAt(version);
      const service = openService(path);
      const db = new Database(path, { readonly: true });
      expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
      db.close();
      if (version === 0) {
        expect(service.listAssessments()).toEqual([]);
        const created = service.createAssessment({ name: 'first', source: 'test', account: '111122223333' });
        service.setLastRec(created.id, AUTOMATED_REC);
        expect(service.getAssessment(created.id).lastRecId).toBe(AUTOMATED_REC);
        return;
      }
      expect(service.getAssessment(1)).toEqual({
        id: 1,
        name: 'June review',
        account: '111122223333',
        regions: ['us-east-1'],
        createdAt: '2026-06-01T08:00:00.000Z',
        createdBy: 'bob',
        source: 'demo',
        ...(version >= 2 ? { lastRecId: AUTOMATED_REC } : {}),
        maxExceptionDays: 365,
      });
      expect(service.getResults(1)).toEqual([
        { recId: AUTOMATED_REC, status: 'fail', source: 'assay', findings: [{ resource: '111122223333', region: 'global', status: 'fail', detail: 'minimum password length is 8' }] },
      ]);
      expect(service.getDecisions(1)).toEqual([V1_DECISION]);
      expect(service.verifyHistory(1)).toMatchObject({ intact: true, events: 1, problems: [], notBound: [expect.stringContaining('not bound (recorded before attachments joined the history)')] });
      const [evidence] = service.listEvidence(1);
      expect(evidence).toMatchObject({ sha256: EVIDENCE_SHA, name: 'policy.png', note: 'IAM settings', addedBy: 'bob' });
      expect(await text(service.openEvidence(EVIDENCE_SHA) as NodeJS.ReadableStream & AsyncIterable<Buffer>)).toBe(EVIDENCE_TEXT);

      // The columns of later versions work on the migrated rows, and the chain continues.
      service.setLastRec(1, AUTOMATED_REC);
      expect(service.getAssessment(1).lastRecId).toBe(AUTOMATED_REC);
      const rated = service.decide(1, { recId: AUTOMATED_REC, status: 'fail', justification: 'still 8', likelihood: 3, impact: 3, likelihoodWhy: ' weak passwords are guessed often ', impactWhy: 'an admin login is exposed' });
      expect(service.getDecisions(1)).toEqual([{ ...rated, likelihoodWhy: 'weak passwords are guessed often', impactWhy: 'an admin login is exposed' }]);
      const override = service.decide(1, { recId: AUTOMATED_REC, status: 'pass', justification: 'the SSO provider enforces 16 characters' });
      expect(override.overrides).toBe('fail');
      const events = service.history(1);
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
      const decisionEvents = events.filter(isDecisionEvent);
      expect(decisionEvents[1]!.before).toEqual(V1_DECISION);
      expect(decisionEvents[2]!.before).toEqual(rated);
      expect(service.verifyHistory(1).intact).toBe(true);
      // Version 4: a snapshot stored before it has no original hash; credentials can be kept.
      expect(service.snapshotOriginalSha256(1)).toBe(version >= 4 ? 'a'.repeat(64) : undefined);
      expect(service.keepSecret(1, { id: 'abcdefabcdef', kind: 'aws-access-key-id' }, 'an example key')).toMatchObject({ id: 'abcdefabcdef', reason: 'an example key' });
    });
  }

  it('leaves an up-to-date database as it is when opened again', () => {
    const path = databaseAt(1);
    openDatabase(path).close();
    const again = openDatabase(path);
    expect(schemaVersion(again)).toBe(SCHEMA_VERSION);
    expect(again.prepare('SELECT name FROM assessments').pluck().all()).toEqual(['June review']);
    again.close();
  });
});
