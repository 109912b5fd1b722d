import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../checks/catalog.js';
import { carryForward } from '../../src/carry.js';
import { loadDemoSnapshot } from '../../src/demo.js';
import { AssayService } from '../../src/service.js';
import { KEYMAP } from '../../views/keys.js';
import { openDemoWalk, rowOf, seedDemo, startTui, weakPasswordDemo } from './tui.js';

/** A service on the same database whose clock says `day`: decisions made "back then". */
function decideOn(dbPath: string, day: string, work: (service: AssayService) => void): void {
  const past = AssayService.open({ dbPath, actor: 'earlier-assessor', now: () => new Date(`${day}T10:00:00Z`) });
  try {
    work(past);
  } finally {
    past.close();
  }
}

describe('help', () => {
  it('lists every key of the walk, scrolling, and closes with esc', async () => {
    const { tui } = await openDemoWalk();
    await tui.press('?');
    let frame = await tui.waitFor('Help — keys of this screen');
    const body = (f: string) => f.split('\n').slice(1, 22);
    // The first page, then each scroll brings one more line in at the bottom.
    const lines = body(frame);
    let position = frame.match(/(\d+)–(\d+)\/(\d+)/);
    expect(position).not.toBeNull();
    while (position && position[2] !== position[3]) {
      await tui.press('j');
      frame = await tui.waitFor((f) => f.match(/(\d+)–(\d+)\/(\d+)/)?.[2] !== position?.[2]);
      position = frame.match(/(\d+)–(\d+)\/(\d+)/);
      lines.push(body(frame).at(-1) ?? '');
    }
    // Wrapped explanations are compared with their spacing folded.
    const shown = lines.join(' ').replace(/\s+/g, ' ');
    for (const binding of [...KEYMAP.walk, ...KEYMAP.global]) expect(shown).toContain(binding.help.replace(/\s+/g, ' '));
    await tui.press('esc');
    await tui.waitFor('0/63 decided');
  });
});

describe('quitting', () => {
  it('asks only when a form holds unsaved text; ctrl-c always quits', async () => {
    const { tui } = await openDemoWalk();
    await tui.press('f');
    await tui.waitFor('Decide 2.1');
    // In a text field q is text.
    await tui.type('q');
    await tui.waitFor('│q');
    await tui.press('tab');
    await tui.waitFor(/▸ Likelihood/);
    await tui.press('q');
    await tui.waitFor('Quit and lose them?');
    await tui.press('n');
    await tui.waitFor(/▸ Likelihood/);
    expect(tui.quits).toBe(0);
    await tui.press('ctrl-c');
    await expect.poll(() => tui.quits).toBe(1);
  });

  it('quits from the walk without asking', async () => {
    const { tui } = await openDemoWalk();
    await tui.press('q');
    await expect.poll(() => tui.quits).toBe(1);
  });
});

describe('exceptions over time', () => {
  it('shows an expired exception as needs review with the old decision, and flags one expiring within 30 days', async () => {
    const tui = await startTui({
      seed: (service) => {
        const id = seedDemo(service);
        decideOn(service.dbPath, '2026-03-01', (past) => {
          const base = { status: 'exception' as const, justification: 'accepted for the migration', approver: 'CISO', likelihood: 2 as const, impact: 2 as const };
          past.decide(id, { recId: '2.9', ...base, expiresAt: '2026-09-30' });
          past.decide(id, { recId: '2.12', ...base, expiresAt: '2026-12-10' });
        });
      },
    });
    await tui.press('enter');
    const walk = await tui.waitFor('1/63 decided · ⏲ 1 expiring · 1 to review');
    expect(rowOf(walk, '2.9')).toContain('? review (exc)');
    expect(rowOf(walk, '2.12')).toContain('⚠ exc ⏲ 15d');
    // The chip filters to what needs review.
    await tui.press('5');
    const filtered = await tui.waitFor('showing 1 of 63: review');
    expect(rowOf(filtered, '2.9')).toMatch(/^▸/);
    await tui.press('enter');
    const detail = await tui.waitFor('needs review');
    expect(detail).toContain('was exception, expired 2026-09-30');
    // Deciding again starts from the old decision; the old expiry is refused, not extended.
    await tui.press('e');
    const form = await tui.waitFor('Decide 2.9');
    expect(form).toContain('accepted for the migration');
    expect(form).toContain('the expiry date 2026-09-30 must be after the decision date');
  });

  it('shows carried decisions as carried — confirm and confirms one with its key', async () => {
    let newId = 0;
    const tui = await startTui({
      seed: (service) => {
        const firstId = seedDemo(service, 'Northwind Q3');
        decideOn(service.dbPath, '2026-08-01', (past) => {
          past.decide(firstId, { recId: '2.1', status: 'pass', justification: 'contacts checked with the account owner' });
          past.decide(firstId, { recId: '2.9', status: 'exception', justification: 'break-glass user', approver: 'CISO', expiresAt: '2027-06-30', likelihood: 2, impact: 3 });
        });
        newId = carryForward(service, firstId, { name: 'Northwind Q4', source: 'demo', snapshot: loadDemoSnapshot() }, { today: new Date('2026-11-25T12:00:00Z') }).assessment.id;
      },
    });
    await tui.waitFor('Northwind Q4');
    await tui.press('enter');
    const walk = await tui.waitFor('0/63 decided');
    expect(rowOf(walk, '2.1')).toContain('↻ confirm pass');
    expect(rowOf(walk, '2.9')).toContain('↻ confirm exc');
    expect(walk).toContain('6↻confirm 2');
    await tui.press('p');
    const confirmed = await tui.waitFor('confirmed pass for 2.1');
    expect(rowOf(confirmed, '2.1')).toContain('✓ pass');
    const decision = tui.service.getDecisions(newId).find((d) => d.recId === '2.1');
    expect(decision).toMatchObject({ status: 'pass', justification: 'contacts checked with the account owner', decidedBy: 'test-assessor' });
    expect(decision?.carriedFrom).toBeUndefined();
  });
});

describe('home', () => {
  it('renames, and deletes only after confirmation', async () => {
    const tui = await startTui({
      seed: (service) => {
        seedDemo(service, 'First');
        seedDemo(service, 'Second');
      },
    });
    await tui.waitFor('▸ 2    Second');
    await tui.press('r');
    await tui.press('ctrl-u');
    await tui.type('Second, renamed');
    await tui.press('enter');
    await tui.waitFor('renamed to "Second, renamed"');
    expect(tui.service.listAssessments().map((s) => s.assessment.name)).toEqual(['First', 'Second, renamed']);
    await tui.press('d');
    await tui.waitFor('Delete "Second, renamed"');
    await tui.press('n');
    await tui.waitFor('Decided');
    expect(tui.service.listAssessments()).toHaveLength(2);
    await tui.press('d', 'y');
    await tui.waitFor('deleted "Second, renamed"');
    expect(tui.service.listAssessments().map((s) => s.assessment.name)).toEqual(['First']);
  });

  it('shows progress and exceptions of each assessment', async () => {
    const tui = await startTui({
      seed: (service) => {
        const id = seedDemo(service);
        service.decide(id, { recId: '2.3', status: 'pass', justification: '' });
        service.decide(id, { recId: '2.9', status: 'exception', justification: 'break-glass', approver: 'CISO', expiresAt: '2026-12-20' });
      },
    });
    const frame = await tui.waitFor('Northwind demo');
    const line = frame.split('\n').find((l) => l.includes('Northwind demo')) ?? '';
    expect(line).toContain('2/63');
    // An exception in force is never called "open" (STIG readers take that for a finding).
    expect(line).toContain('1 in force · 1 ⏲');
    expect(line).not.toContain('open');
  });
});

describe('export', () => {
  it('writes the pack where asked and says where it went', async () => {
    const tui = await startTui({ seed: (s) => seedDemo(s) });
    await tui.press('x');
    const frame = await tui.waitFor('Export the evidence pack of "Northwind demo"');
    expect(frame).toContain('assay-northwind-demo-2026-11-25.zip');
    await tui.press('enter');
    const done = await tui.waitFor('✓ written:', 20_000);
    const path = join(tui.dir, 'assay-northwind-demo-2026-11-25.zip');
    expect(done).toContain(path);
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).size).toBeGreaterThan(1000);
    await tui.press('esc');
    await tui.waitFor('Northwind demo');
  });
});

describe('layout', () => {
  it('uses the width of a wide terminal and redraws on resize', async () => {
    const tui = await startTui({ seed: (s) => seedDemo(s) });
    await tui.press('enter');
    let frame = await tui.waitFor('0/63 decided');
    // The catalogue's title, cut to the column: the same words the detail and the report use.
    expect(rowOf(frame, '2.9')).toContain(CATALOG.find((r) => r.id === '2.9')!.title.slice(0, 24));
    for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
    tui.resize(200, 50);
    frame = await tui.waitFor('Ensure multi-factor authentication (MFA) is enabled for all IAM users that have a console password');
    expect(frame.split('\n').length).toBeLessThanOrEqual(49);
    tui.resize(50, 12);
    await tui.waitFor('The terminal is 50×12.');
    tui.resize(80, 24);
    await tui.waitFor('0/63 decided');
  });
});

describe('drift', () => {
  it('lists what changed since the assessment this one was carried from, resource by resource', async () => {
    const tui = await startTui({
      seed: (service) => {
        const demo = loadDemoSnapshot();
        const first = service.createAssessment({ name: 'Q3', source: 'demo', snapshot: demo }).id;
        carryForward(service, first, { name: 'Q4', source: 'snapshot:weak.json', snapshot: weakPasswordDemo() }, { today: new Date('2026-11-25T12:00:00Z') });
      },
    });
    await tui.waitFor('▸ 2    Q4');
    await tui.press('enter');
    await tui.waitFor('Assay ▸ Q4');
    await tui.press('D');
    const drift = await tui.waitFor('Drift since #1 Q3');
    expect(drift).toMatch(/▸ 2\.7\s+✓ pass → ✗ fail\s+1 changed/);
    expect(drift).toContain('~ global 111122223333: pass → fail');
    await tui.press('enter');
    await tui.waitFor('2.7 Ensure IAM password policy requires minimum length');
    await tui.press('esc', 'esc');
    await tui.waitFor('Assay ▸ Q4');
    await tui.press('esc');
    await tui.press('k', 'enter');
    await tui.waitFor('Assay ▸ Q3');
    await tui.press('D');
    await tui.waitFor('this assessment was not carried forward from an earlier one');
  });
});

describe('the decision form (Part A)', () => {
  /** Selects 2.3 and 2.4 from the top of the walk, whether or not space moves the cursor. */
  async function selectTwoThreeAndTwoFour(tui: Awaited<ReturnType<typeof openDemoWalk>>['tui']) {
    await tui.press('j', 'j');
    await tui.waitFor(/▸ 2\.3 /);
    await tui.press('space');
    const frame = await tui.waitFor('1 row selected');
    if (!rowOf(frame, '2.4').startsWith('▸')) await tui.press('j');
    await tui.waitFor(/▸ 2\.4 /);
    await tui.press('space');
    await tui.waitFor('2 rows selected');
  }

  it('a batch keeps each recommendation’s own rating and mitigation reason; a changed field applies to all and says so', async () => {
    const { tui, id } = await openDemoWalk();
    await selectTwoThreeAndTwoFour(tui);
    await tui.press('f');
    const form = await tui.waitFor('Decide 2 recommendations together: 2.3 2.4');
    expect(form).toContain('each its own: 2.3 L3×I4, 2.4 L3×I4');
    expect(form).toContain('each its own: 2.3 avoidance, 2.4 reduction');
    await tui.type('both found in the review of root');
    await tui.press('tab', 'tab', 'tab');
    await tui.waitFor(/▸ Impact/);
    await tui.press('2');
    await tui.waitFor('applies to all 2');
    await tui.press('ctrl-s');
    await tui.waitFor((f) => !f.includes('Decide 2 recommendations'));
    const decisions = new Map(tui.service.getDecisions(id).map((d) => [d.recId, d]));
    for (const recId of ['2.3', '2.4']) {
      const own = CATALOG.find((r) => r.id === recId)!.risk;
      expect(decisions.get(recId)).toMatchObject({ status: 'fail', likelihood: own.likelihood, impact: 2, mitigation: own.mitigation, mitigationWhy: own.mitigationWhy });
    }
  });

  it('will not save a pass over an automated fail without a justification', async () => {
    const { tui, id } = await openDemoWalk();
    await tui.press(...'jjjjjjj');
    await tui.waitFor(/▸ 2\.8 /);
    await tui.press('p');
    await tui.waitFor('Decide 2.8');
    await tui.press('ctrl-s');
    await tui.waitFor('will not save: a justification is required to pass 2.8');
    expect(tui.service.getDecisions(id)).toEqual([]);
    await tui.type('the reuse rule is enforced by the SSO provider');
    await tui.press('ctrl-s');
    await tui.waitFor((f) => !f.includes('Decide 2.8'));
    expect(tui.service.getDecisions(id)).toMatchObject([{ recId: '2.8', status: 'pass', overrides: 'fail' }]);
  });

  it('offers a draft back after a crash, and restores it', async () => {
    const { tui, id } = await openDemoWalk();
    await tui.press('f');
    await tui.waitFor('Decide 2.1');
    await tui.type('contacts half checked');
    await tui.waitFor('│contacts half checked');
    // The process dies without saving or discarding the form.
    await tui.restart();
    await tui.press('enter');
    await tui.waitFor('0/63 decided');
    await tui.press('f');
    await tui.waitFor(/a draft from \d\d:\d\d is kept: r restore · x discard/);
    await tui.press('r');
    await tui.waitFor('│contacts half checked');
    await tui.press('ctrl-s');
    await tui.waitFor((f) => !f.includes('Decide 2.1'));
    expect(tui.service.getDecisions(id)).toMatchObject([{ recId: '2.1', status: 'fail', justification: 'contacts half checked' }]);
    expect(tui.service.loadDraft(id, '2.1')).toBeUndefined();
  });

  it('moves ↑/↓ between the wrapped rows of the justification by display column, wide characters taking two', async () => {
    const { tui, id } = await openDemoWalk();
    await tui.press('f');
    await tui.waitFor('Decide 2.1');
    // At 80 columns the box holds 63: 31 wide characters and the a on the first row, the rest below.
    await tui.type(`${'中'.repeat(31)}abcdefghij`);
    await tui.waitFor(`▸ Justification│${'中'.repeat(31)}a\n               │bcdefghij\n`);
    // From column 9 of the second row up: column 9 of the first is after the fourth wide character.
    await tui.press('up');
    await tui.type('X');
    await tui.waitFor(`▸ Justification│${'中'.repeat(4)}X${'中'.repeat(27)}\n               │abcdefghij\n`);
    // After the X is column 9 again; down lands after the ninth narrow character.
    await tui.press('down');
    await tui.type('Y');
    await tui.waitFor('               │abcdefghiYj\n');
    await tui.press('ctrl-s');
    await tui.waitFor((f) => !f.includes('Decide 2.1'));
    expect(tui.service.getDecisions(id)).toMatchObject([{ recId: '2.1', justification: `${'中'.repeat(4)}X${'中'.repeat(27)}abcdefghiYj` }]);
  });
});
