import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG } from '../../checks/catalog.js';
import { runCli } from '../../src/cli.js';
import { NO_TTY_MESSAGE } from '../../src/commands/tui.js';
import type { ResultStatus } from '../../src/service.js';
import { helpLines, HelpOverlay } from '../../views/components/help.js';
import { Footer, ProgressBar, Question } from '../../views/components/ui.js';
import { buildRows } from '../../views/rows.js';
import { DecideView } from '../../views/screens/decide.js';
import { initialDecide } from '../../views/state/decide.js';
import { initialWalk, walkReducer } from '../../views/state/walk.js';
import { walkColumns } from '../../views/walk-layout.js';
import { WalkView } from '../../views/screens/walk.js';
import { plain } from './tui.js';

const TODAY = new Date('2026-11-25T12:00:00Z');
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function show(node: React.ReactElement): string {
  const instance = render(node);
  unmount = instance.unmount;
  return plain(instance.lastFrame());
}

describe('components', () => {
  it('the footer shows the hints that fit, always the way to help, then the position', () => {
    const frame = show(<Footer width={40} maps={['walk']} position="12/5000" />);
    // 32 columns are left beside the position: two hints and `? help`; the rest is in the help.
    expect(frame).toBe(`${'enter open · ↑↓ move · ? help'.padEnd(32)} 12/5000`);
  });

  it('a question keeps its keys visible however long the text', () => {
    const frame = show(<Question width={50} text={'Delete this assessment with everything in it, decisions, history and attachments?'} />);
    expect(frame.endsWith('y yes · n no')).toBe(true);
    expect(frame.length).toBe(50);
  });

  it('the progress bar counts and names the current call', () => {
    const frame = show(<ProgressBar width={80} done={30} total={120} current="ec2 DescribeSecurityGroups eu-west-1" />);
    expect(frame).toContain('30/120 25%');
    expect(frame).toContain('ec2 DescribeSecurityGroups eu-west-1');
  });

  it('the help overlay shows its position when it scrolls', () => {
    const lines = helpLines(['walk'], 80);
    const frame = show(<HelpOverlay lines={lines} offset={0} width={80} height={23} />);
    expect(frame).toContain(`1–21/${lines.length}`);
    expect(frame.split('\n').length).toBe(23);
  });

  it('the walk view draws its header counts, rows and position from state alone', () => {
    const results: ResultStatus[] = CATALOG.map((r) => ({ recId: r.id, source: 'assay', status: 'fail' }));
    let state = initialWalk(
      buildRows(results, [], () => 'undecided', TODAY),
      17,
    );
    state = walkReducer(state, { type: 'toggle-failing' });
    const frame = show(<WalkView state={state} cols={walkColumns(80)} width={80} name="Test" account="123456789012" />);
    const lines = frame.split('\n');
    expect(lines[0]).toMatch(/^Assay ▸ Test · 123456789012 +0\/63 decided$/);
    expect(lines[1]).toContain('7·undecided 63');
    expect(lines[2]).toContain('showing 63 of 63: automated fail');
    expect(lines).toHaveLength(23);
    expect(lines.at(-1)).toMatch(/1\/63$/);
  });

  it('the decision form fits 80×24 with every exception field', () => {
    const state = initialDecide(
      [{ recId: '2.9', title: 'MFA for console users', assessment: 'automated', automated: 'fail', risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'fix it' } }],
      TODAY,
      { status: 'exception' },
    );
    const frame = show(<DecideView state={state} width={80} height={23} />);
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const label of ['Status', 'Justification', 'Likelihood', 'Impact', 'Mitigation', 'Why this type', 'Owner', 'Approver', 'Expires', 'Save']) {
      expect(frame).toContain(label);
    }
    expect(frame).toContain('→ risk medium (2×3=6) · due 2027-01-24');
    expect(frame).toContain('will not save yet: a justification is required for an exception decision');
  });
});

describe('assay without a terminal', () => {
  it('prints where to go instead of drawing, and exits 2', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['--db', '/nonexistent/never-created.db'], { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('')).toBe(NO_TTY_MESSAGE);
  });

  it('names a mistyped command instead of opening the walk', async () => {
    const err: string[] = [];
    const code = await runCli(['catalogue'], { out: () => {}, err: (t) => err.push(t) });
    expect(code).toBe(2);
    expect(err.join('')).toBe('assay: unknown command "catalogue"; see assay --help\n');
  });

  it('prints the key table as docs', async () => {
    const out: string[] = [];
    const code = await runCli(['tui', '--keys'], { out: (t) => out.push(t), err: () => {} });
    expect(code).toBe(0);
    expect(out.join('')).toContain('| / | search ids and titles |');
  });
});
