import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { buffer } from 'node:stream/consumers';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StoredDataDamaged } from '../../src/store/faults.js';
import { cli } from '../cli/run.js';
import { passwordPolicySnapshot } from '../fixtures/assessments.js';
import { AUTOMATED_REC, MANUAL_REC, openService, tempDir } from './fixture.js';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

function setup() {
  const dir = tempDir();
  const path = `${dir}/assay.db`;
  const service = openService(path);
  const { id } = service.createAssessment({ name: 'chain', source: 'snapshot:q4.json', snapshot: passwordPolicySnapshot(8) });
  return { dir, path, service, id };
}

describe('attachments in the history chain', () => {
  it('records attach and detach as events, keeps the detached bytes, and stays intact', async () => {
    const { dir, service, id } = setup();
    writeFileSync(`${dir}/wrong-account.png`, 'not this account');
    const record = service.attach(id, MANUAL_REC, `${dir}/wrong-account.png`);
    const detached = service.detachEvidence(id, MANUAL_REC, record.sha256.slice(0, 8), '  attached by mistake ');

    expect(detached.detached).toMatchObject({ by: 'alice', reason: 'attached by mistake' });
    const kinds = service.history(id, MANUAL_REC).map((event) => event.kind);
    expect(kinds).toEqual(['attach', 'detach']);
    expect(service.listEvidence(id, MANUAL_REC)).toEqual([]);
    expect(service.listEvidence(id, MANUAL_REC, { includeDetached: true }).map((e) => e.sha256)).toEqual([record.sha256]);
    const kept = await buffer(service.openEvidence(record.sha256) as NodeJS.ReadableStream & AsyncIterable<Buffer>);
    expect(kept.toString()).toBe('not this account');
    expect(service.verifyHistory(id)).toMatchObject({ intact: true, problems: [] });
  });

  it('refuses a detach without a reason, or of a file the recommendation does not have, and changes nothing', () => {
    const { dir, service, id } = setup();
    writeFileSync(`${dir}/a.txt`, 'a');
    const record = service.attach(id, MANUAL_REC, `${dir}/a.txt`);
    const before = service.history(id).length;
    expect(() => service.detachEvidence(id, MANUAL_REC, record.sha256, '   ')).toThrow('needs a reason');
    expect(() => service.detachEvidence(id, AUTOMATED_REC, record.sha256, 'wrong rec')).toThrow(`${AUTOMATED_REC} has no attachment with SHA-256`);
    expect(service.history(id)).toHaveLength(before);
    expect(service.listEvidence(id, MANUAL_REC)).toHaveLength(1);
  });

  it('catches an attachment put back behind the history, or one added without an event', () => {
    const { dir, path, service, id } = setup();
    writeFileSync(`${dir}/a.txt`, 'a');
    const record = service.attach(id, MANUAL_REC, `${dir}/a.txt`);
    service.detachEvidence(id, MANUAL_REC, record.sha256, 'superseded');
    const raw = new Database(path);
    raw.prepare('UPDATE evidence SET detached_at = NULL, detached_by = NULL, detach_reason = NULL WHERE sha256 = ?').run(record.sha256);
    raw
      .prepare("INSERT INTO evidence (assessment_id, rec_id, sha256, name, media_type, size, note, added_by, added_at) VALUES (?, ?, ?, 'forged.txt', 'text/plain', 1, NULL, 'mallory', '2026-11-26T00:00:00.000Z')")
      .run(id, AUTOMATED_REC, record.sha256);
    raw.close();

    const verification = service.verifyHistory(id);
    expect(verification.intact).toBe(false);
    const details = verification.problems.map((p) => p.detail).join('\n');
    expect(details).toContain(`(a.txt) of ${MANUAL_REC} is attached in the evidence table, but its last history event`);
    expect(details).toContain(`(forged.txt) of ${AUTOMATED_REC} has no attach event in the history`);
  });
});

describe('the stored snapshot in the history chain', () => {
  it('binds the snapshot hash into the scan event of the first step', () => {
    const { service, id } = setup();
    const [first] = service.history(id);
    expect(first).toMatchObject({ kind: 'scan', snapshot: { sha256: sha256(JSON.stringify(service.getSnapshot(id))) } });
  });

  it('refuses a snapshot swapped for another after it was scanned, on every read and in history --verify', async () => {
    const { path, service, id } = setup();
    const scanned = service.getSnapshot(id)!;
    // A forged snapshot, stored with a correct hash of its own, and the assessment pointed at it.
    const forged = Buffer.from(JSON.stringify(passwordPolicySnapshot(14)));
    const forgedSha = sha256(forged);
    const raw = new Database(path);
    raw.prepare('INSERT INTO blobs (sha256, size, chunk_size, chunks) SELECT ?, ?, chunk_size, 1 FROM blobs LIMIT 1').run(forgedSha, forged.length);
    raw.prepare('INSERT INTO blob_chunks (sha256, idx, data) VALUES (?, 0, ?)').run(forgedSha, forged);
    raw.prepare('UPDATE assessments SET snapshot_sha256 = ? WHERE id = ?').run(forgedSha, id);
    raw.close();

    expect(() => service.getSnapshot(id)).toThrow(StoredDataDamaged);
    expect(() => service.getSnapshot(id)).toThrow('it was replaced after it was scanned');
    expect(() => service.rescan(id)).toThrow(StoredDataDamaged);
    const verification = service.verifyHistory(id);
    expect(verification.intact).toBe(false);
    expect(verification.problems).toEqual([expect.objectContaining({ position: 1, kind: 'edited', detail: expect.stringContaining(`recorded ${sha256(JSON.stringify(scanned))}`) })]);
    service.close();

    const run = await cli('history', String(id), '--verify', '--db', path);
    expect(run.code).toBe(1);
    expect(run.out + run.err).toContain('it was replaced after it was scanned');
    const scan = await cli('scan', '--assessment', String(id), '--db', path);
    expect(scan.code).not.toBe(0);
    expect(scan.err).toContain('replaced after it was scanned');
  });
});

describe('assay detach', () => {
  it('takes an attachment off, records it, and refuses one without a reason', async () => {
    const { dir, path, service, id } = setup();
    writeFileSync(`${dir}/mistake.txt`, 'oops');
    const record = service.attach(id, MANUAL_REC, `${dir}/mistake.txt`);
    service.close();

    const refused = await cli('detach', String(id), MANUAL_REC, record.sha256.slice(0, 10), '--reason', ' ', '--db', path);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('needs a reason');

    const done = await cli('detach', String(id), MANUAL_REC, record.sha256.slice(0, 10), '--reason', 'attached by mistake', '--db', path);
    expect(done.code).toBe(0);
    expect(done.out).toBe(`${record.sha256}  mistake.txt\n`);
    const history = await cli('history', String(id), MANUAL_REC, '--json', '--db', path);
    const events = JSON.parse(history.out) as { events?: { kind: string; reason?: string }[] } | { kind: string; reason?: string }[];
    const list = Array.isArray(events) ? events : (events.events ?? []);
    expect(list.map((event) => event.kind)).toEqual(['attach', 'detach']);
    expect(list[1]).toMatchObject({ reason: 'attached by mistake' });
    expect((await cli('history', String(id), '--verify', '--db', path)).code).toBe(0);
  });
});
