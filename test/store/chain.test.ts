import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DecisionEvent } from '../../src/model.js';
import { canonicalJson, eventHash, GENESIS_HASH, verifyChain } from '../../src/store/chain.js';
import { passwordPolicySnapshot } from '../fixtures/assessments.js';
import { AUTOMATED_REC, openService, tempDir } from '../service/fixture.js';

/** An assessment scanned (seq 1) with five decisions (seq 2–6) on 2.7, and a raw connection to tamper with. */
function chainOfFive() {
  const path = `${tempDir()}/assay.db`;
  const service = openService(path);
  const { id } = service.createAssessment({ name: 'tamper', source: 'test', snapshot: passwordPolicySnapshot(8) });
  const statuses = ['fail', 'pass', 'fail', 'not_applicable', 'pass'] as const;
  for (const status of statuses) service.decide(id, { recId: AUTOMATED_REC, status, justification: `step ${status}` });
  const raw = new Database(path);
  // An attacker with the file can drop the append-only guards; the chain must still tell.
  raw.exec('DROP TRIGGER decision_events_no_update; DROP TRIGGER decision_events_no_delete;');
  return { service, id, raw };
}

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[{"y":2,"z":1}]},"b":1}');
  });
});

describe('the decision history hash chain', () => {
  it('guards the history against updates and deletes through SQL', () => {
    const path = `${tempDir()}/assay.db`;
    const service = openService(path);
    const { id } = service.createAssessment({ name: 'guarded', source: 'test' });
    service.decide(id, { recId: AUTOMATED_REC, status: 'pass', justification: '' });
    const raw = new Database(path);
    expect(() => raw.prepare('UPDATE decision_events SET actor = ?').run('mallory')).toThrow('the decision history is append-only');
    expect(() => raw.prepare('DELETE FROM decision_events').run()).toThrow('the decision history is append-only');
    raw.close();
    service.deleteAssessment(id);
    expect(service.listAssessments()).toEqual([]);
  });

  it('detects an edited row and names its position', () => {
    const { service, id, raw } = chainOfFive();
    raw.prepare('UPDATE decision_events SET after_json = replace(after_json, ?, ?) WHERE seq = 3').run('"fail"', '"pass"');
    raw.close();
    const result = service.verifyHistory(id);
    expect(result.intact).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ position: 3, seq: 3, kind: 'edited' })]);
  });

  it('detects an edited row whose hash was recomputed', () => {
    const { service, id, raw } = chainOfFive();
    const row = service.history(id)[1]!;
    const forged = { ...row, actor: 'mallory' };
    raw.prepare('UPDATE decision_events SET actor = ?, hash = ? WHERE seq = 2').run('mallory', eventHash(forged));
    raw.close();
    const result = service.verifyHistory(id);
    expect(result.problems).toEqual([expect.objectContaining({ position: 2, seq: 2, kind: 'edited' })]);
  });

  it('detects a deleted row in the middle, at its position', () => {
    const { service, id, raw } = chainOfFive();
    raw.prepare('DELETE FROM decision_events WHERE seq = 2').run();
    raw.close();
    const result = service.verifyHistory(id);
    expect(result.intact).toBe(false);
    expect(result.events).toBe(5);
    expect(result.problems).toEqual([expect.objectContaining({ position: 2, seq: 2, kind: 'deleted' })]);
  });

  it('detects the first and the last row deleted', () => {
    const first = chainOfFive();
    first.raw.prepare('DELETE FROM decision_events WHERE seq = 1').run();
    first.raw.close();
    expect(first.service.verifyHistory(first.id).problems).toEqual([expect.objectContaining({ position: 1, seq: 1, kind: 'deleted' })]);

    const last = chainOfFive();
    last.raw.prepare('DELETE FROM decision_events WHERE seq = 6').run();
    last.raw.close();
    const problems = last.service.verifyHistory(last.id).problems;
    expect(problems).toContainEqual(expect.objectContaining({ position: 6, seq: 6, kind: 'deleted' }));
  });

  it('detects a current decision changed behind the history', () => {
    const { service, id, raw } = chainOfFive();
    raw.prepare("UPDATE decisions SET status = 'fail', justification = 'quietly changed'").run();
    raw.close();
    const result = service.verifyHistory(id);
    expect(result.problems).toEqual([expect.objectContaining({ position: 6, kind: 'edited' })]);
    expect(result.problems[0]!.detail).toContain(AUTOMATED_REC);
  });

  it('detects a decision written without a history row', () => {
    const { service, id, raw } = chainOfFive();
    raw
      .prepare("INSERT INTO decisions (assessment_id, rec_id, status, justification, decided_by, decided_at) VALUES (?, '2.8', 'pass', '', 'mallory', '2026-11-25T00:00:00Z')")
      .run(id);
    raw.close();
    expect(service.verifyHistory(id).problems).toEqual([expect.objectContaining({ position: 7, kind: 'inserted', detail: 'the decision on 2.8 has no history row' })]);
  });

  it('reports rows out of order and rows added past the recorded head', () => {
    const event = (seq: number, prevHash: string): DecisionEvent => {
      const body = { seq, assessmentId: 1, recId: AUTOMATED_REC, actor: 'a', at: '2026-01-01T00:00:00Z', before: null, after: { recId: AUTOMATED_REC, status: 'pass' as const, justification: '', decidedBy: 'a', decidedAt: '2026-01-01T00:00:00Z' }, prevHash };
      return { ...body, hash: eventHash(body) };
    };
    const one = event(1, GENESIS_HASH);
    const two = event(2, one.hash);
    const three = event(3, two.hash);
    expect(verifyChain([one, two, three], { length: 3, hash: three.hash })).toEqual([]);
    expect(verifyChain([one, three, two]).map((p) => p.kind)).toContain('reordered');
    expect(verifyChain([one, two, three], { length: 2, hash: two.hash })).toEqual([expect.objectContaining({ position: 3, kind: 'inserted' })]);
  });
});

/** A valid chain of `count` decision events, built as the store builds them. */
function chainOf(count: number): DecisionEvent[] {
  const events: DecisionEvent[] = [];
  for (let seq = 1; seq <= count; seq++) {
    const at = `2026-01-01T00:00:${String(seq).padStart(2, '0')}Z`;
    const body = { seq, assessmentId: 1, recId: AUTOMATED_REC, actor: 'a', at, before: null, after: { recId: AUTOMATED_REC, status: 'pass' as const, justification: `step ${seq}`, decidedBy: 'a', decidedAt: at }, prevHash: events.at(-1)?.hash ?? GENESIS_HASH };
    events.push({ ...body, hash: eventHash(body) });
  }
  return events;
}

describe('rows out of order', () => {
  it('reports two swapped neighbours as one swap at their position, and nothing else', () => {
    const events = chainOf(21);
    const swapped = [...events.slice(0, 4), events[5]!, events[4]!, ...events.slice(6)];
    expect(verifyChain(swapped, { length: 21, hash: events[20]!.hash })).toEqual([
      { position: 5, seq: 6, kind: 'reordered', detail: 'rows 5 and 6 are swapped: seq 5 belongs before seq 6' },
    ]);
  });

  it('names one row moved elsewhere by its seq and where it stands, without blaming the rows it jumped', () => {
    const events = chainOf(10);
    const moved = [events[0]!, events[1]!, events[2]!, events[3]!, events[6]!, events[4]!, events[5]!, ...events.slice(7)];
    expect(verifyChain(moved, { length: 10, hash: events[9]!.hash })).toEqual([
      { position: 5, seq: 7, kind: 'reordered', detail: 'row seq 7 stands at position 5; by its seq it belongs at position 7' },
    ]);
  });

  it('still reports an edit in a swapped row, at the line where it stands', () => {
    const events = chainOf(6);
    const edited = { ...events[3]!, actor: 'mallory' };
    const problems = verifyChain([events[0]!, events[1]!, events[2]!, events[4]!, edited, events[5]!]);
    expect(problems.map((p) => [p.position, p.kind])).toEqual([
      [4, 'reordered'],
      [5, 'edited'],
    ]);
  });
});

describe('events other than decisions', () => {
  it('hashes a decision exactly as before, and an attachment over its kind and file too', () => {
    const [decision] = chainOf(1);
    const { hash: _hash, ...fields } = decision!;
    expect(eventHash(fields)).toBe(createHash('sha256').update(canonicalJson(fields)).digest('hex'));

    const attach = { seq: 2, assessmentId: 1, recId: '2.9', actor: 'a', at: '2026-01-02T00:00:00Z', kind: 'attach' as const, prevHash: decision!.hash, evidence: { sha256: 'a'.repeat(64), name: 'mfa.png', mediaType: 'image/png', size: 10 } };
    const renamed = { ...attach, evidence: { ...attach.evidence, name: 'other.png' } };
    expect(eventHash(renamed)).not.toBe(eventHash(attach));
    expect(eventHash({ ...attach, kind: 'detach' as const })).not.toBe(eventHash(attach));
    expect(eventHash({ ...attach, kind: 'detach' as const, reason: 'attached by mistake' })).not.toBe(eventHash({ ...attach, kind: 'detach' as const, reason: 'superseded' }));
  });
});
