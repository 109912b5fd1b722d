import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../checks/catalog.js';
import type { Decision } from '../../src/model.js';
import { WORKPAPER_COLUMNS, buildWorkpaper, primaryResults, tally, verdictOf, workpaperCells } from '../../src/workpaper.js';

const AT = '2026-11-25T12:00:00.000Z';

function decision(recId: string, fields: Partial<Decision>): Decision {
  return { recId, status: 'pass', justification: '', decidedBy: 'J. Auditor', decidedAt: AT, ...fields };
}

describe('the workpaper', () => {
  it('has one row per recommendation of the catalogue, with the catalogue title', () => {
    const paper = buildWorkpaper({ decisions: [], effective: {}, results: [], evidence: [] });
    expect(paper.rows).toHaveLength(CATALOG.length);
    expect(paper.rows.map((r) => r.id)).toEqual(CATALOG.map((r) => r.id));
    expect(paper.rows[0]!.title).toBe(CATALOG[0]!.title);
    expect(paper.rows.every((r) => r.state === 'undecided')).toBe(true);
  });

  it('carries the decision, its override, its rating and the attachments count', () => {
    const [a, b] = CATALOG;
    const paper = buildWorkpaper({
      decisions: [
        decision(a!.id, { status: 'pass', justification: 'checked by hand', overrides: 'fail' }),
        decision(b!.id, { status: 'fail', justification: 'no MFA', likelihood: 4, impact: 4, owner: 'ops', dueDate: '2026-12-09' }),
      ],
      effective: { [a!.id]: 'pass', [b!.id]: 'fail' },
      results: [
        { recId: a!.id, source: 'prowler', status: 'pass' },
        { recId: a!.id, source: 'assay', status: 'fail' },
      ],
      evidence: [{ recId: b!.id }, { recId: b!.id }],
    });
    const [first, second] = paper.rows;
    expect(first).toMatchObject({ automated: 'fail', automatedSource: 'assay', state: 'pass', overrides: 'fail', severityBasis: 'catalogue default', decidedBy: 'J. Auditor' });
    expect(second).toMatchObject({ state: 'fail', severity: 'critical', riskScore: 16, severityBasis: 'assessor', owner: 'ops', dueDate: '2026-12-09', attachments: 2 });
    const cells = workpaperCells(first!);
    expect(cells).toHaveLength(WORKPAPER_COLUMNS.length);
    expect(cells[WORKPAPER_COLUMNS.indexOf('override')]).toBe('overrides automated fail');
  });

  it('scores as the report defines it: passes over everything not decided not applicable', () => {
    const [a, b, c] = CATALOG;
    const paper = buildWorkpaper({
      decisions: [decision(a!.id, { status: 'not_applicable', justification: 'no such service' }), decision(b!.id, { status: 'pass' })],
      effective: { [a!.id]: 'not_applicable', [b!.id]: 'pass' },
      results: [{ recId: c!.id, source: 'assay', status: 'pass' }],
      evidence: [],
    });
    expect(paper.tally).toMatchObject({ total: CATALOG.length, pass: 2, notApplicable: 1, inScope: CATALOG.length - 1, notAssessed: CATALOG.length - 3 });
    expect(paper.tally.score).toBe(Math.round((2 / (CATALOG.length - 1)) * 1000) / 10);
  });

  it('counts an expired exception as needing review, whatever was decided', () => {
    expect(verdictOf(decision('2.1', { status: 'exception' }), 'needs_review', 'fail')).toBe('needs_review');
    expect(verdictOf(undefined, 'undecided', 'manual')).toBe('not_assessed');
    expect(tally([]).score).toBeUndefined();
  });

  it('takes Assay’s own result before Prowler’s, and Prowler’s before Security Hub’s', () => {
    const picked = primaryResults([
      { recId: 'x', source: 'securityhub' as const, status: 'fail' },
      { recId: 'x', source: 'prowler' as const, status: 'pass' },
    ]);
    expect(picked.get('x')?.source).toBe('prowler');
  });
});
