/**
 * The TUI as an auditor runs it: the built `assay` in a real terminal (tmux), keys sent by tmux,
 * pastes bracketed by tmux, and what was recorded read back from the database afterwards. The
 * ink-testing-library tests cover the same paths in-process; these prove the terminal side: raw
 * input, bracketed paste turned on, bursts read in one go, a process that really ends.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findRecommendation } from '../../checks/catalog.js';
import type { RiskDefaults } from '../../checks/types.js';
import { isDecisionEvent } from '../../src/model.js';
import { AssayService } from '../../src/service.js';
import { ensureBuilt, requireTmux, runAssay, startTerminal, type Terminal } from '../helpers/terminal.js';

beforeAll(() => {
  requireTmux();
  ensureBuilt();
}, 120_000);

const ASSESSMENT = 'Q4 demo';

function catalogueRisk(recId: string): RiskDefaults {
  const rec = findRecommendation(recId);
  if (!rec) throw new Error(`no recommendation ${recId} in the catalogue`);
  return rec.risk;
}

/** The demo assessment (created with the CLI) open in the walk, the cursor on its first row. */
async function openDemoWalk(): Promise<{ term: Terminal; id: number }> {
  let id = 0;
  const term = await startTerminal({ prepare: (dbPath) => (id = Number(runAssay(dbPath, 'new', '--name', ASSESSMENT, '--demo').trim())) });
  await term.waitFor(ASSESSMENT);
  term.sendKeys('Enter');
  await term.waitFor('0/63 decided');
  return { term, id };
}

const rowPattern = (recId: string, cursor: string) => new RegExp(`^${cursor}[● ]${recId.replace(/\./g, '\\.')}\\s`, 'm');

/** Moves the walk's cursor down to `recId` (in one send-keys call) and waits until it is there. */
async function moveTo(term: Terminal, recId: string): Promise<void> {
  const rows = term.capture().split('\n').filter((line) => /^[▸ ][● ]\d/.test(line));
  const from = rows.findIndex((line) => line.startsWith('▸'));
  const to = rows.findIndex((line) => rowPattern(recId, '[▸ ]').test(line));
  if (from < 0 || to < from) throw new Error(`cannot move down to ${recId} on this screen:\n${term.capture()}`);
  if (to > from) term.sendKeys(...Array<string>(to - from).fill('j'));
  await term.waitFor(rowPattern(recId, '▸'));
}

/** The line of the screen that starts with `label` (after the focus mark), e.g. a form field. */
function lineOf(screen: string, label: string): string {
  const line = screen.split('\n').find((l) => l.slice(2).startsWith(label));
  if (line === undefined) throw new Error(`no line "${label}" on the screen:\n${screen}`);
  return line;
}

/** What the database holds now, read through a service of its own (the TUI keeps running). */
function recorded(dbPath: string, id: number, draftKey = '') {
  return AssayService.using({ dbPath }, (service) => ({
    decisions: new Map(service.getDecisions(id).map((d) => [d.recId, d])),
    decisionEvents: service.history(id).filter(isDecisionEvent),
    draft: draftKey ? service.loadDraft(id, draftKey) : undefined,
  }));
}

describe('the TUI in a real terminal', () => {
  it('batch: each recommendation keeps its own rating and reason; a field changed in the form applies to all', async () => {
    const { term, id } = await openDemoWalk();
    const [own28, own29] = [catalogueRisk('2.8'), catalogueRisk('2.9')];
    // The pair only proves something if their catalogue ratings differ.
    expect(own28.likelihood).not.toBe(own29.likelihood);
    expect(own28.mitigationWhy).not.toBe(own29.mitigationWhy);

    await moveTo(term, '2.8');
    term.sendKeys('Space');
    await term.waitFor('1 row selected');
    await moveTo(term, '2.9');
    term.sendKeys('Space');
    await term.waitFor('2 rows selected');
    term.sendKeys('f');
    const form = await term.waitFor('Decide 2 recommendations together: 2.8 2.9');
    expect(lineOf(form, 'Likelihood')).toContain(`each its own: 2.8 L${own28.likelihood}×I${own28.impact}, 2.9 L${own29.likelihood}×I${own29.impact}`);
    term.typeText('both found in the scan');
    await term.waitFor('│both found in the scan');
    term.sendKeys('C-s');
    await term.waitFor('2/63 decided');

    let db = await recorded(term.dbPath, id);
    for (const [recId, own] of [['2.8', own28], ['2.9', own29]] as const) {
      expect(db.decisions.get(recId)).toMatchObject({
        status: 'fail',
        justification: 'both found in the scan',
        likelihood: own.likelihood,
        impact: own.impact,
        mitigation: own.mitigation,
        mitigationWhy: own.mitigationWhy,
        decidedBy: 'terminal-tester',
      });
    }

    // Second batch: the impact is changed in the form, so it is the one impact of both.
    const [own213, own214] = [catalogueRisk('2.13'), catalogueRisk('2.14')];
    expect(own213.likelihood).not.toBe(own214.likelihood);
    await moveTo(term, '2.13');
    term.sendKeys('Space');
    await term.waitFor('1 row selected');
    await moveTo(term, '2.14');
    term.sendKeys('Space');
    await term.waitFor('2 rows selected');
    term.sendKeys('f');
    await term.waitFor('Decide 2 recommendations together: 2.13 2.14');
    term.typeText('grants and rotation both off');
    await term.waitFor('│grants and rotation both off');
    term.sendKeys('Tab', 'Tab', 'Tab');
    await term.waitFor(/▸ Impact/);
    term.sendKeys('1');
    const changed = await term.waitFor('applies to all 2');
    expect(lineOf(changed, 'Impact')).toMatch(/◂ 1 low ▸\s+applies to all 2/);
    expect(lineOf(changed, 'Likelihood')).toContain(`each its own: 2.13 L${own213.likelihood}, 2.14 L${own214.likelihood}`);
    term.sendKeys('C-s');
    await term.waitFor('4/63 decided');

    db = await recorded(term.dbPath, id);
    expect(db.decisions.get('2.13')).toMatchObject({ status: 'fail', justification: 'grants and rotation both off', likelihood: own213.likelihood, impact: 1 });
    expect(db.decisions.get('2.14')).toMatchObject({ status: 'fail', justification: 'grants and rotation both off', likelihood: own214.likelihood, impact: 1 });
    expect(db.decisionEvents.map((e) => e.recId)).toEqual(['2.8', '2.9', '2.13', '2.14']);
  });

  it('override: a pass over a failing automated result is refused without a justification, then recorded as an override', async () => {
    const { term, id } = await openDemoWalk();
    await moveTo(term, '2.8');
    expect(term.capture()).toMatch(/^▸ 2\.8 .*✗ fail/m);
    term.sendKeys('p');
    await term.waitFor('Decide 2.8');
    term.sendKeys('C-s');
    await term.waitFor('will not save: a justification is required to pass 2.8');
    expect(term.capture()).toContain('Decide 2.8');
    let db = await recorded(term.dbPath, id);
    expect(db.decisions.size).toBe(0);
    expect(db.decisionEvents).toEqual([]);

    term.typeText('reuse is blocked by the SSO provider');
    await term.waitFor('│reuse is blocked by the SSO provider');
    term.sendKeys('C-s');
    await term.waitFor('1/63 decided');
    db = await recorded(term.dbPath, id);
    expect(db.decisions.get('2.8')).toMatchObject({ status: 'pass', justification: 'reuse is blocked by the SSO provider', overrides: 'fail' });
    expect(db.decisionEvents).toHaveLength(1);
    expect(db.decisionEvents[0]).toMatchObject({ recId: '2.8', after: { status: 'pass', overrides: 'fail' } });
  });

  it('paste: a bracketed paste with a tab, line breaks and a colour code lands in the justification as text', async () => {
    const { term, id } = await openDemoWalk();
    const own = catalogueRisk('2.11');
    await moveTo(term, '2.11');
    term.sendKeys('f');
    await term.waitFor('Decide 2.11');
    // As keys, the tab would leave the field and the 4 after it would rate the likelihood; the
    // escape sequences would be keys too.
    term.paste('seen in the console:\t4 of 4 users\n\u001b[31mno MFA\u001b[0m on 3\nsee ticket 42');
    const pasted = await term.waitFor('│see ticket 42');
    expect(pasted).toContain('▸ Justification│seen in the console: 4 of 4 users\n');
    expect(pasted).toContain('               │no MFA on 3\n');
    expect(pasted).not.toContain('[31m');
    expect(lineOf(pasted, 'Likelihood')).toMatch(new RegExp(`^  Likelihood\\s+◂ ${own.likelihood} `));
    expect(lineOf(pasted, 'Impact')).toMatch(new RegExp(`^  Impact\\s+◂ ${own.impact} `));
    expect(term.exitStatus()).toBeUndefined();

    term.sendKeys('C-s');
    await term.waitFor('1/63 decided');
    const db = await recorded(term.dbPath, id);
    expect(db.decisions.get('2.11')).toMatchObject({
      status: 'fail',
      // A tab is pasted as a space; the colour code is gone.
      justification: 'seen in the console: 4 of 4 users\nno MFA on 3\nsee ticket 42',
      likelihood: own.likelihood,
      impact: own.impact,
    });
  });

  it('burst: keys typed as the form opens, ten backspaces in one write, and tab tab text ctrl-s at once each apply once, in order', async () => {
    const { term, id } = await openDemoWalk();
    const own = catalogueRisk('2.12');
    await moveTo(term, '2.12');
    // The key that opens the form and the text after it, in one send-keys call.
    term.typeText('ftyped as the form opened, mistyped');
    await term.waitFor('│typed as the form opened, mistyped');
    term.sendKeys(...Array<string>(10).fill('BSpace'));
    await term.waitFor(/│typed as the form opened\s*$/m);
    term.typeText(' and corrected');
    await term.waitFor('│typed as the form opened and corrected');
    // Two tabs reach the likelihood's reason; its text and the save follow in the same write.
    term.sendRaw('\t\tlikely: shared laptops\u0013');
    await term.waitFor('1/63 decided');

    const db = await recorded(term.dbPath, id);
    expect(db.decisions.get('2.12')).toMatchObject({
      status: 'fail',
      justification: 'typed as the form opened and corrected',
      likelihoodWhy: 'likely: shared laptops',
      likelihood: own.likelihood,
      impact: own.impact,
    });
    expect(db.decisionEvents).toHaveLength(1);
  });

  it('wide characters: the justification wraps where the terminal does, and ↑/↓ move by display column', async () => {
    const { term, id } = await openDemoWalk();
    term.sendKeys('f');
    await term.waitFor('Decide 2.1');
    // At 120 columns the box holds 103: 51 wide characters and the a on the first row, the rest below.
    term.typeText(`${'中'.repeat(51)}abcdefghij`);
    await term.waitFor(`▸ Justification│${'中'.repeat(51)}a\n               │bcdefghij\n`);
    term.sendKeys('Up');
    term.typeText('X');
    await term.waitFor(`▸ Justification│${'中'.repeat(4)}X${'中'.repeat(47)}\n               │abcdefghij\n`);
    term.sendKeys('Down');
    term.typeText('Y');
    await term.waitFor('               │abcdefghiYj\n');
    term.sendKeys('C-s');
    await term.waitFor('1/63 decided');
    const db = await recorded(term.dbPath, id);
    expect(db.decisions.get('2.1')?.justification).toBe(`${'中'.repeat(4)}X${'中'.repeat(47)}abcdefghiYj`);
  });

  it('draft: text in a form survives ctrl-c; after a restart the form offers it back and r restores it', async () => {
    const { term, id } = await openDemoWalk();
    expect(term.capture()).toMatch(rowPattern('2.1', '▸'));
    term.sendKeys('f');
    await term.waitFor('Decide 2.1');
    term.typeText('contacts half checked — 2 of 3 confirmed');
    await term.waitFor('│contacts half checked — 2 of 3 confirmed');
    term.sendKeys('C-c');
    expect(await term.waitForExit()).toBe(0);
    let db = await recorded(term.dbPath, id, '2.1');
    expect(db.decisions.size).toBe(0);
    expect(db.draft?.body).toMatchObject({ status: 'fail', text: { justification: 'contacts half checked — 2 of 3 confirmed' } });

    await term.restart();
    await term.waitFor(ASSESSMENT);
    term.sendKeys('Enter');
    await term.waitFor('0/63 decided');
    term.sendKeys('f');
    const offered = await term.waitFor(/a draft from \d\d:\d\d is kept: r restore · x discard/);
    expect(offered).not.toContain('contacts half checked');
    term.sendKeys('r');
    await term.waitFor('│contacts half checked — 2 of 3 confirmed');
    term.sendKeys('C-s');
    await term.waitFor('1/63 decided');
    db = await recorded(term.dbPath, id, '2.1');
    expect(db.decisions.get('2.1')).toMatchObject({ status: 'fail', justification: 'contacts half checked — 2 of 3 confirmed' });
    expect(db.draft).toBeUndefined();
  });
});
