/**
 * What a reviewer reads in the exported report: every decision with its justification, decider and
 * override mark; the evidence and history of each recommendation; a draft that says it is one; the
 * exceptions register and the heat map; one word per state; CSVs that Excel reads as UTF-8.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../checks/catalog.js';
import { exportPack } from '../../evidence/export.js';
import type { Decision } from '../../src/model.js';
import { buildDemoAssessment, readZipEntries, type DemoPack } from './fixture.js';

interface AssessmentJson {
  recommendations: { id: string; decision: Decision | null; overrides: string | null; state: string; history: { kind: string; actor: string; changes: string[] }[] }[];
  riskCards: { recId: string; likelihood: number; impact: number; ratingBasis: string }[];
}

async function exportEntries(pack: DemoPack, name: string): Promise<Map<string, Buffer>> {
  const path = join(pack.dir, name);
  await exportPack(pack.service, pack.assessmentId, path);
  return readZipEntries(path);
}

/** The markup from `<tr … data-…="id"` up to the end of that row. */
function rowOf(html: string, attribute: string, recId: string): string {
  const start = html.indexOf(`${attribute}="${recId}"`);
  expect(start, `${attribute}=${recId}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</tr>', start));
}

function cardOf(html: string, recId: string): string {
  const start = html.indexOf(`<article class="card" id="card-${recId}"`);
  expect(start, `card ${recId}`).toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</article>', start));
}

function sectionOf(html: string, id: string): string {
  const start = html.indexOf(`<section id="${id}"`);
  return html.slice(start, html.indexOf('</section>', start));
}

const OVERRIDE_REASON = 'The one key made at creation was deleted the same day; CloudTrail shows no use';

describe('the report of an assessment in progress', () => {
  let pack: DemoPack;
  let entries: Map<string, Buffer>;
  let html: string;
  let report: AssessmentJson;
  beforeAll(async () => {
    pack = buildDemoAssessment();
    const { service, assessmentId: id, clock } = pack;
    clock.set('2026-11-27T10:00:00Z');
    // A pass over an automated failure, evidence on a pass, and a re-rating that moves a due date.
    service.decide(id, { recId: '2.10', status: 'pass', justification: OVERRIDE_REASON });
    const proof = join(pack.dir, 'root-keys.txt');
    writeFileSync(proof, 'root: no access keys\n');
    service.attach(id, '2.3', proof, 'credential report of 2026-11-27');
    clock.set('2026-12-01T09:00:00Z');
    service.decide(id, {
      recId: '2.9',
      status: 'fail',
      justification: 'admin.ava signs in to the console without MFA; the account is now monitored',
      likelihood: 2,
      impact: 4,
      mitigation: 'avoidance',
      owner: 'iam-team',
    });
    entries = await exportEntries(pack, 'pack.zip');
    html = entries.get('index.html')!.toString('utf8');
    report = JSON.parse(entries.get('assessment.json')!.toString('utf8')) as AssessmentJson;
  });

  it('shows why each pass and not-applicable was decided, by whom and when, and marks an override', () => {
    const passed = rowOf(html, 'id', 'rec-2.10');
    expect(passed).toContain(OVERRIDE_REASON);
    expect(passed).toContain('by ava.auditor, 2026-11-27');
    expect(passed).toContain('pass over an automated fail — overridden by ava.auditor');
    const scopedOut = rowOf(html, 'id', 'rec-2.6');
    expect(scopedOut).toContain('<b>not applicable</b> <span class="muted small">by ava.auditor, 2026-11-26</span>');
    expect(scopedOut).toContain('=HYPERLINK(&quot;http://example.invalid&quot;) root is never used');
    // A decision that agrees with the check is not marked.
    expect(rowOf(html, 'id', 'rec-2.3')).not.toContain('overridden');
    const json = report.recommendations.find((r) => r.id === '2.10')!;
    expect(json).toMatchObject({ overrides: 'fail', state: 'pass', decision: { justification: OVERRIDE_REASON, decidedBy: 'ava.auditor' } });
    expect(report.recommendations.find((r) => r.id === '2.3')!.overrides).toBeNull();
  });

  it('lists the evidence of a pass with its name, size, SHA-256, note, who and when, and a link to its file', () => {
    const record = rowOf(html, 'data-record', '2.3');
    const entry = [...entries.keys()].find((name) => name.startsWith('attachments/') && name.endsWith('root-keys.txt'))!;
    expect(entry).toBeDefined();
    const sha = pack.service.listEvidence(pack.assessmentId, '2.3')[0]!.sha256;
    expect(record).toContain(`<a href="${entry}">root-keys.txt</a>`);
    expect(record).toContain('21 B');
    expect(record).toContain(`<code>${sha}</code>`);
    expect(record).toContain('credential report of 2026-11-27');
    expect(record).toContain('added by ava.auditor 2026-11-27 10:00 UTC');
  });

  it('gives each recommendation its history, and shows a due date moved by a re-rating on the card and in the schedule', () => {
    const record = rowOf(html, 'data-record', '2.9');
    expect(record).toContain('2026-11-26 14:30 UTC</span> <b>ava.auditor</b>: status: undecided → fail; rating: — → critical (3×4)');
    expect(record).toContain('2026-12-01 09:00 UTC</span> <b>ava.auditor</b>: rating: critical (3×4) → high (2×4); due: 2026-12-10 → 2026-12-29');
    const moved = 'due moved 2026-12-10 → 2026-12-29 by the re-rating critical → high on 2026-12-01 by ava.auditor';
    expect(cardOf(html, '2.9')).toContain(moved);
    expect(rowOf(sectionOf(html, 'schedule'), '<tr data-rec', '2.9')).toContain(moved);
    expect(entries.get('risk-cards/2.9.html')!.toString('utf8')).toContain(moved);
    const schedule = parse(entries.get('schedule.csv')!, { columns: true, bom: true }) as Record<string, string>[];
    expect(schedule.find((r) => r.rec_id === '2.9')).toMatchObject({ due_date: '2026-12-29', due_moves: moved });
    // Attaching is a step of the history too, with the file's hash.
    expect(report.recommendations.find((r) => r.id === '2.9')!.history.map((h) => h.kind)).toEqual(['decision', 'attach', 'decision']);
    expect(record).toMatch(/<b>ava.auditor<\/b>: attached mfa-console-screenshot.txt \(42 B, SHA-256 [0-9a-f]{64}\): what the console showed on 2026-11-26/);
  });

  it('says it is a draft in its title, heading and summary, and which ratings are catalogue defaults', () => {
    const decided = report.recommendations.filter((r) => ['pass', 'fail', 'exception', 'not applicable'].includes(r.state)).length;
    expect(decided).toBeLessThan(CATALOG.length);
    const label = `draft — ${decided} of ${CATALOG.length} decided`;
    expect(html).toContain(`<title>${label} — Northwind Retail Q4`);
    expect(html).toContain(`<h1>Northwind Retail Q4 <span class="draft">${label}</span></h1>`);
    expect(sectionOf(html, 'summary')).toContain(`<b>${label}</b>`);
    expect(entries.get('risk-cards/2.9.html')!.toString('utf8')).toContain(`<title>${label} — 2.9 risk card`);
    const defaults = report.riskCards.filter((c) => c.ratingBasis === 'catalogue default').length;
    expect(defaults).toBeGreaterThan(0);
    expect(sectionOf(html, 'summary')).toContain(`<div class="basis">${defaults} of ${report.riskCards.length} ratings are catalogue defaults</div>`);
  });

  it('counts every open risk in a likelihood × impact heat map', () => {
    const summary = sectionOf(html, 'summary');
    let total = 0;
    for (const l of [1, 2, 3, 4]) {
      for (const i of [1, 2, 3, 4]) {
        const expected = report.riskCards.filter((c) => c.likelihood === l && c.impact === i).length;
        total += expected;
        const cell = summary.match(new RegExp(`data-likelihood="${l}" data-impact="${i}">(?:<b>)?(?:<span class="muted">)?(\\d+)`));
        expect(Number(cell?.[1]), `likelihood ${l} × impact ${i}`).toBe(expected);
      }
    }
    expect(total).toBe(report.riskCards.length);
  });

  it('gives the exceptions register the owner, approver, expiry, days left and mitigation', () => {
    const row = rowOf(sectionOf(html, 'exceptions'), 'data-rec', '3.1.2');
    expect(row).toContain('<td>storage-team</td><td>Dana CISO</td>');
    expect(row).toContain('<td><b>2027-05-31</b></td><td class="num days-left">181</td>');
    expect(row).toContain('<td><b>acceptance</b>');
    expect(rowOf(sectionOf(html, 'exceptions'), 'data-rec', '2.11')).toContain('<span class="flag grey">unassigned</span>');
  });

  it('uses one word per state: "undecided", never "not assessed", "not reviewed" or "open"', () => {
    expect(html).toContain('<span class="muted">undecided</span>');
    expect(html).not.toMatch(/not assessed|not reviewed|Not assessed|not yet decided/);
    expect(html).not.toMatch(/>open</);
    expect(sectionOf(html, 'schedule')).toContain('<span class="muted">on schedule</span>');
  });

  it('writes CSVs that Excel opens as UTF-8: a byte-order mark, CRLF line ends, formulas neutralised', () => {
    for (const name of ['schedule.csv', 'exceptions.csv', 'workpaper.csv']) {
      const bytes = entries.get(name)!;
      expect(bytes.subarray(0, 3).toString('hex'), name).toBe('efbbbf');
      expect(bytes.toString('utf8').replace(/\r\n/g, ''), name).not.toMatch(/[\r\n]/);
    }
    const workpaper = parse(entries.get('workpaper.csv')!, { columns: true, bom: true }) as Record<string, string>[];
    expect(workpaper.map((r) => r.rec_id)).toEqual(CATALOG.map((r) => r.id));
    expect(workpaper.find((r) => r.rec_id === '2.10')).toMatchObject({ state: 'pass', override: 'overrides automated fail', justification: OVERRIDE_REASON, decided_by: 'ava.auditor' });
    expect(workpaper.find((r) => r.rec_id === '2.6')!.justification).toBe(`'=HYPERLINK("http://example.invalid") root is never used`);
    expect(workpaper[0]!.title).toBe(CATALOG[0]!.title);
    const schedule = parse(entries.get('schedule.csv')!, { columns: true, bom: true }) as Record<string, string>[];
    expect(schedule.find((r) => r.rec_id === '3.1.1')!.justification).toBe('Two buckets accept plain HTTP');
  });
});

describe('the report of a finished assessment', () => {
  it('has no draft label once all 63 recommendations are decided', async () => {
    const pack = buildDemoAssessment({ attachments: false });
    const { service, assessmentId: id } = pack;
    const decided = new Set(service.getDecisions(id).filter((d) => d.status !== 'undecided' && d.carriedFrom === undefined).map((d) => d.recId));
    decided.delete('4.2'); // expired: it needs a new decision
    for (const rec of CATALOG.filter((r) => !decided.has(r.id))) {
      service.decide(id, { recId: rec.id, status: 'not_applicable', justification: `Out of scope for this engagement (${rec.id})` });
    }
    const entries = await exportEntries(pack, 'final.zip');
    const html = entries.get('index.html')!.toString('utf8');
    expect(html).not.toMatch(/draft —/);
    expect(html).toContain(`Final: all ${CATALOG.length} recommendations are decided.`);
    expect(html).toContain('<h1>Northwind Retail Q4</h1>');
  });
});
