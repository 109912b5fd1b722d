import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../checks/catalog.js';
import { openDemoWalk, rowOf } from './tui.js';

describe('the walk', () => {
  it('takes 2.9 from its failing user to a recorded exception, shown in the walk and its history', async () => {
    const opened = await openDemoWalk();
    const { tui } = opened;
    // Down the list from 2.1 to 2.9.
    await tui.press(...'jjjjjjjj');
    expect(rowOf(await tui.waitFor(/▸ 2\.9 /), '2.9')).toContain('✗ fail');
    await tui.press('enter', 'tab');
    const findings = await tui.waitFor('Findings 1/');
    expect(findings).toContain('1 of');
    // Failing first: the first finding is the user without MFA.
    const firstFinding = findings.split('\n').find((l) => l.startsWith('✗ ') || l.startsWith('✓ '));
    expect(firstFinding).toMatch(/^✗ fail\s+global\s+arn:aws:iam::111122223333:user\/admin\.ava/);

    await tui.press('e');
    await tui.waitFor('Decide 2.9');
    await tui.type('admin.ava is the break-glass user; its password is sealed in the safe');
    await tui.press('ctrl-s');
    // Refused, with the reasons; nothing written.
    const refused = await tui.waitFor('will not save:');
    expect(refused).toContain('approver');
    expect(tui.service.getDecisions(opened.id)).toEqual([]);

    await tui.press('tab', 'tab');
    await tui.waitFor(/▸ Why likely/);
    await tui.type('the user logs in rarely');
    await tui.press('tab', 'tab', 'tab', 'tab', 'tab', 'tab');
    await tui.waitFor(/▸ Approver/);
    await tui.type('Dana Whitfield (CISO)');
    await tui.press('tab');
    await tui.type('2027-02-28');
    await tui.waitFor('ready to save');
    await tui.press('ctrl-s');

    const detail = await tui.waitFor('approved by Dana Whitfield (CISO), expires 2027-02-28');
    expect(detail).toContain('⚠ exception');
    const [decision] = tui.service.getDecisions(opened.id);
    expect(decision).toMatchObject({ recId: '2.9', status: 'exception', approver: 'Dana Whitfield (CISO)', expiresAt: '2027-02-28', likelihoodWhy: 'the user logs in rarely', decidedBy: 'test-assessor' });
    expect(decision).not.toHaveProperty('impactWhy');
    expect(decision?.justification).toContain('break-glass');

    await tui.press('esc');
    const walk = await tui.waitFor('1/63 decided');
    expect(rowOf(walk, '2.9')).toContain('⚠ exception');

    await tui.press('enter');
    await tui.waitFor('Findings');
    // Over to the history pane: the detail opens on the guidance, three panes before it.
    await tui.press('tab', 'tab', 'tab');
    const history = await tui.waitFor('History 1');
    // The scan that made the assessment is in the chain before the decision.
    expect(history).toMatch(/#\d+ 2026-11-25 12:00 test-assessor: undecided → ⚠ exception/);
    expect(history).toContain('break-glass user');
    expect(history).toContain('approved by Dana Whitfield (CISO), expires 2027-02-28');
  });

  it('marks three selected rows not applicable with one justification', async () => {
    const opened = await openDemoWalk();
    const { tui } = opened;
    // space marks the row under the cursor and leaves the cursor there.
    await tui.press('space', 'j', 'space', 'j', 'space');
    await tui.waitFor('3 rows selected');
    await tui.press('n');
    await tui.waitFor('Decide 3 recommendations together: 2.1 2.2 2.3');
    await tui.type('Out of scope: this account is a sandbox covered by the parent organisation');
    await tui.press('ctrl-s');
    const walk = await tui.waitFor('recorded not applicable for 2.1, 2.2, 2.3');
    for (const id of ['2.1', '2.2', '2.3']) expect(rowOf(walk, id)).toContain('– n/a');
    expect(rowOf(walk, '2.4')).toContain('· undecided');
    expect(walk).not.toContain('selected');
    const decisions = tui.service.getDecisions(opened.id);
    expect(decisions.map((d) => [d.recId, d.status])).toEqual([
      ['2.1', 'not_applicable'],
      ['2.2', 'not_applicable'],
      ['2.3', 'not_applicable'],
    ]);
    expect(new Set(decisions.map((d) => d.justification))).toEqual(new Set(['Out of scope: this account is a sandbox covered by the parent organisation']));
  });

  it('records a pass on an automated pass at once, and asks for a justification on a manual one', async () => {
    const opened = await openDemoWalk();
    const { tui } = opened;
    await tui.press('j', 'j');
    await tui.waitFor(/▸ 2\.3 /);
    await tui.press('p');
    const walk = await tui.waitFor('recorded pass for 2.3');
    expect(rowOf(walk, '2.3')).toContain('✓ pass');
    expect(tui.service.getDecisions(opened.id).map((d) => d.recId)).toEqual(['2.3']);
    // Decided from the walk, the cursor goes on to the next row.
    expect(rowOf(walk, '2.4')).toMatch(/^▸/);

    await tui.press('k', 'k', 'k', 'p');
    const form = await tui.waitFor('Decide 2.1');
    expect(form).toContain('a justification is required for 2.1 (a manual recommendation)');
  });

  it('asks before dropping a changed form, and drops nothing unasked', async () => {
    const opened = await openDemoWalk();
    const { tui } = opened;
    await tui.press('d');
    await tui.waitFor('Decide 2.1');
    await tui.type('half a thought');
    await tui.press('esc');
    await tui.waitFor('Discard the changes in this form?');
    await tui.press('n');
    await tui.waitFor('half a thought');
    await tui.press('esc', 'y');
    await tui.waitFor('0/63 decided');
    expect(tui.service.getDecisions(opened.id)).toEqual([]);
  });

  it('attaches a file found by tab completion and shows its SHA-256', async () => {
    const opened = await openDemoWalk();
    const { tui } = opened;
    mkdirSync(join(tui.dir, 'evidence'));
    const content = 'IAM account settings screenshot (text stand-in)\n';
    writeFileSync(join(tui.dir, 'evidence', 'contact-settings.txt'), content);
    await tui.press('a');
    await tui.waitFor('Attach evidence to 2.1');
    await tui.type('evi');
    await tui.press('tab');
    await tui.waitFor('evidence/');
    await tui.press('tab');
    await tui.waitFor('evidence/contact-settings.txt');
    await tui.press('down');
    await tui.type('contacts page as of the audit');
    await tui.press('enter');
    const sha = createHash('sha256').update(content).digest('hex');
    const frame = await tui.waitFor('✓ stored contact-settings.txt');
    expect(frame).toContain(`sha256 ${sha}`);
    const [record] = tui.service.listEvidence(opened.id, '2.1');
    expect(record).toMatchObject({ sha256: sha, name: 'contact-settings.txt', note: 'contacts page as of the audit' });
    await tui.press('esc', 'enter');
    // The detail counts it, and the evidence pane lists it with the hash.
    await tui.waitFor('Evidence 1');
    await tui.press('tab', 'tab');
    expect(await tui.waitFor(`sha256 ${sha}`)).toContain('contact-settings.txt');
  });

  it('filters to failing automated results and back', async () => {
    const opened = await openDemoWalk();
    const { tui } = opened;
    const failing = tui.service.getResults(opened.id).filter((r) => r.status === 'fail' && r.source === 'assay').length;
    expect(failing).toBeGreaterThan(3);
    await tui.press('F');
    const frame = await tui.waitFor(`showing ${failing} of 63: automated fail`);
    const rows = frame.split('\n').filter((l) => /^[▸ ][● ]\d+\.\d/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/ ✗ fail /);
    expect(frame).toContain(`1/${failing}`);
    await tui.press('c');
    await tui.waitFor('all 63 shown');
  });

  it('searches ids and titles, with n and N between matches', async () => {
    const opened = await openDemoWalk();
    const { tui } = opened;
    const matches = CATALOG.filter((r) => /mfa/i.test(r.title)).map((r) => r.id);
    expect(matches.length).toBeGreaterThan(1);
    await tui.press('/');
    await tui.type('mfa');
    await tui.waitFor(`${matches.length} matches`);
    await tui.press('enter');
    let frame = await tui.waitFor(`search "mfa" 1/${matches.length}`);
    expect(rowOf(frame, matches[0] as string)).toMatch(/^▸/);
    await tui.press('n');
    frame = await tui.waitFor(`search "mfa" 2/${matches.length}`);
    expect(rowOf(frame, matches[1] as string)).toMatch(/^▸/);
    await tui.press('N', 'N');
    // Past the first match it wraps to the last.
    frame = await tui.waitFor(`search "mfa" ${matches.length}/${matches.length}`);
    // With a search active n moves; esc ends the search and n decides again.
    await tui.press('esc');
    await tui.waitFor('all 63 shown');
    await tui.press('n');
    await tui.waitFor(/Decide \d/);
  });

  it('lands where the assessor left off after a restart', async () => {
    const opened = await openDemoWalk();
    const { tui } = opened;
    await tui.press(...'jjjjj');
    await tui.waitFor(/▸ 2\.6 /);
    await tui.press('q');
    await expect.poll(() => tui.quits).toBe(1);
    expect(tui.service.getAssessment(opened.id).lastRecId).toBe('2.6');
    await tui.restart();
    await tui.press('enter');
    expect(rowOf(await tui.waitFor('0/63 decided'), '2.6')).toMatch(/^▸/);
  });

  it('steps to the next recommendation from the detail, and the walk follows', async () => {
    const opened = await openDemoWalk();
    const { tui } = opened;
    await tui.press('enter');
    await tui.waitFor('2.1 Maintain');
    await tui.press(']', ']');
    await tui.waitFor('2.3 Ensure no');
    expect(tui.service.getAssessment(opened.id).lastRecId).toBe('2.3');
    await tui.press('[');
    await tui.waitFor('2.2 Ensure security contact');
    await tui.press('esc');
    expect(rowOf(await tui.waitFor('0/63 decided'), '2.2')).toMatch(/^▸/);
  });
});
