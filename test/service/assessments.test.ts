import Database from 'better-sqlite3';
import { userInfo } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { CATALOG } from '../../checks/catalog.js';
import type { CheckResult } from '../../checks/types.js';
import { passwordPolicySnapshot } from '../fixtures/assessments.js';
import { AUTOMATED_REC, DECISION_TIME, MANUAL_REC, openService, tempDir } from './fixture.js';

function setup() {
  const path = `${tempDir()}/assay.db`;
  return { path, service: openService(path) };
}

const prowlerResult: CheckResult = {
  id: AUTOMATED_REC,
  status: 'pass',
  findings: [{ resource: 'arn:aws:iam::111122223333:root', region: 'global', status: 'pass', detail: 'iam_password_policy_minimum_length_14: PASS' }],
};

describe('assessments', () => {
  it('creates an assessment from a snapshot with every recommendation evaluated and the snapshot kept', () => {
    const { service } = setup();
    const snapshot = passwordPolicySnapshot(8);
    const assessment = service.createAssessment({ name: '  Northwind Q4  ', source: 'snapshot:q4.json', snapshot });
    expect(assessment).toEqual({
      id: 1,
      name: 'Northwind Q4',
      account: '111122223333',
      regions: ['us-east-1', 'eu-west-1'],
      createdAt: DECISION_TIME.toISOString(),
      createdBy: 'alice',
      source: 'snapshot:q4.json',
      snapshotCollectedAt: snapshot.collectedAt,
      maxExceptionDays: 365,
    });
    const results = service.getResults(assessment.id);
    expect(results.map((r) => r.recId)).toEqual(CATALOG.map((r) => r.id));
    const weak = results.find((r) => r.recId === AUTOMATED_REC)!;
    expect(weak).toMatchObject({ status: 'fail', source: 'assay' });
    expect(weak.findings[0]!.detail).toContain('8');
    expect(service.getSnapshot(assessment.id)).toEqual(snapshot);
  });

  it('refuses a nameless assessment and an unknown id', () => {
    const { service } = setup();
    expect(() => service.createAssessment({ name: '   ', source: 'test' })).toThrow('an assessment needs a name');
    expect(() => service.getAssessment(7)).toThrow(/no assessment with id 7 in .*assay\.db/);
    expect(() => service.getAssessment(0)).toThrow('invalid assessment id "0"');
    expect(() => service.createAssessment({ name: 'x', source: 'test', carriedFrom: 3 })).toThrow('no assessment with id 3');
  });

  it('rescans: replaces the automated findings, never touches decisions or imports, and records the scan in the history', () => {
    const { service } = setup();
    const { id } = service.createAssessment({ name: 'Q4', source: 'test', snapshot: passwordPolicySnapshot(8) });
    service.storeResults(id, [prowlerResult], 'prowler');
    const decision = service.decide(id, { recId: AUTOMATED_REC, status: 'fail', justification: 'length 8', likelihood: 2, impact: 3 });
    const results = service.rescan(id, passwordPolicySnapshot(16));
    expect(results.find((r) => r.recId === AUTOMATED_REC && r.source === 'assay')?.status).toBe('pass');
    expect(results.find((r) => r.source === 'prowler')).toEqual({ recId: AUTOMATED_REC, source: 'prowler', status: 'pass', findings: prowlerResult.findings });
    expect(service.getDecisions(id)).toEqual([decision]);
    // The history gains only the scan, which binds the new snapshot's hash to the chain.
    expect(service.history(id).map((e) => e.kind ?? e.recId)).toEqual(['scan', AUTOMATED_REC, 'scan']);
    expect(service.getSnapshot(id)?.calls[0]?.output).toEqual({ PasswordPolicy: { MinimumPasswordLength: 16 } });
    // Without a snapshot, the stored one is evaluated again.
    expect(service.rescan(id).filter((r) => r.source === 'assay')).toHaveLength(CATALOG.length);
  });

  it('refuses to rescan with another account unless forced', () => {
    const { service } = setup();
    const { id } = service.createAssessment({ name: 'Q4', source: 'test', snapshot: passwordPolicySnapshot(8) });
    const other = { ...passwordPolicySnapshot(8), account: '999988887777' };
    expect(() => service.rescan(id, other)).toThrow('the snapshot is of account 999988887777 but assessment 1 is of account 111122223333; use --force');
    expect(service.getSnapshot(id)?.account).toBe('111122223333');
    service.rescan(id, other, { force: true });
    expect(service.getSnapshot(id)?.account).toBe('999988887777');
  });

  it('takes the account from the first scan of an assessment created without data', () => {
    const { service } = setup();
    const { id } = service.createAssessment({ name: 'later', source: 'none' });
    expect(service.getAssessment(id).account).toBe('');
    expect(() => service.rescan(id)).toThrow('assessment 1 has no snapshot to scan again');
    service.rescan(id, passwordPolicySnapshot(8));
    expect(service.getAssessment(id)).toMatchObject({ account: '111122223333', regions: ['us-east-1', 'eu-west-1'] });
  });

  it('stores one source of results without disturbing another, and validates them', () => {
    const { service } = setup();
    const { id } = service.createAssessment({ name: 'imports', source: 'test', snapshot: passwordPolicySnapshot(8) });
    service.storeResults(id, [prowlerResult], 'prowler');
    service.storeResults(id, [{ ...prowlerResult, status: 'fail' }], 'prowler');
    expect(service.getResults(id).filter((r) => r.source === 'prowler').map((r) => r.status)).toEqual(['fail']);
    expect(service.getResults(id).filter((r) => r.source === 'assay')).toHaveLength(CATALOG.length);
    expect(() => service.storeResults(id, [{ ...prowlerResult, id: '1.1' }], 'prowler')).toThrow('unknown recommendation "1.1"');
    expect(() => service.storeResults(id, [{ ...prowlerResult, status: 'ok' as never }], 'prowler')).toThrow('unknown status of the result of 2.7 "ok"');
    expect(() => service.storeResults(id, [prowlerResult], 'nessus' as never)).toThrow('unknown finding source "nessus"');
  });

  it('lists, renames, remembers the last recommendation and deletes with everything that belongs to it', () => {
    const { path, service } = setup();
    const first = service.createAssessment({ name: 'one', source: 'test', snapshot: passwordPolicySnapshot(8) });
    const second = service.createAssessment({ name: 'two', source: 'test', snapshot: passwordPolicySnapshot(20) });
    service.decide(first.id, { recId: MANUAL_REC, status: 'pass', justification: 'checked' });
    service.renameAssessment(first.id, 'one (renamed)');
    service.setLastRec(first.id, AUTOMATED_REC);
    expect(() => service.setLastRec(first.id, '2.0')).toThrow('unknown recommendation "2.0"');
    expect(service.listAssessments().map((s) => [s.assessment.name, s.decided, s.total, s.assessment.lastRecId])).toEqual([
      ['one (renamed)', 1, CATALOG.length, AUTOMATED_REC],
      ['two', 0, CATALOG.length, undefined],
    ]);
    service.deleteAssessment(first.id);
    expect(service.listAssessments().map((s) => s.assessment.id)).toEqual([second.id]);
    const raw = new Database(path, { readonly: true });
    for (const table of ['decisions', 'decision_events', 'results', 'findings']) {
      expect(raw.prepare(`SELECT count(*) FROM ${table} WHERE assessment_id = ?`).pluck().get(first.id), table).toBe(0);
    }
    // Only the remaining assessment's snapshot is still stored.
    expect(raw.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(1);
    raw.close();
    // Ids are never reused.
    expect(service.createAssessment({ name: 'three', source: 'test' }).id).toBe(second.id + 1);
  });

  it('keeps every change when the service is closed and opened again', () => {
    const { path, service } = setup();
    const { id } = service.createAssessment({ name: 'persist', source: 'test', snapshot: passwordPolicySnapshot(8) });
    const decision = service.decide(id, { recId: AUTOMATED_REC, status: 'fail', justification: 'length 8' });
    service.close();
    const reopened = openService(path, { actor: 'bob' });
    expect(reopened.getDecisions(id)).toEqual([decision]);
    expect(reopened.actor).toBe('bob');
    expect(reopened.verifyHistory(id).intact).toBe(true);
  });
});

describe('who acts', () => {
  it('takes the option, else $ASSAY_ASSESSOR, else the OS user', () => {
    const { path } = setup();
    expect(openService(path, { actor: 'carol' }).actor).toBe('carol');
    vi.stubEnv('ASSAY_ASSESSOR', 'dave');
    expect(openService(path, { actor: undefined }).actor).toBe('dave');
    vi.stubEnv('ASSAY_ASSESSOR', '');
    expect(openService(path, { actor: undefined }).actor).toBe(userInfo().username);
    vi.unstubAllEnvs();
  });
});
