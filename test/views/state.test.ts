import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../checks/catalog.js';
import type { Decision } from '../../src/model.js';
import type { ResultStatus } from '../../src/service.js';
import { editField, textField, visualLines } from '../../views/field.js';
import { KEYMAP, footerHints, keysMarkdown, listMove, resolve, createKeyReader, type Binding, type KeymapId } from '../../views/keys.js';
import { completePath } from '../../views/paths.js';
import { throttleProgress, PROGRESS_INTERVAL_MS } from '../../views/progress.js';
import { buildRows, decisionCell } from '../../views/rows.js';
import { describeDecision, detailReducer, initialDetail, panePosition, visiblePane, type DetailData } from '../../views/state/detail.js';
import { defaultPackName } from '../../views/state/export.js';
import { currentRow, initialWalk, targetIds, walkReducer, type WalkAction, type WalkState } from '../../views/state/walk.js';
import { colorEnabled, toneColor } from '../../views/theme.js';
import { rowSegments, walkColumns } from '../../views/walk-layout.js';
import { moveCursor, position, scrollTo, scrollToItem, visibleItems, type ListWindow } from '../../views/window.js';

const TODAY = new Date('2026-11-25T12:00:00Z');
const press = (name: string) => ({ name, text: name.length === 1 ? name : name === 'space' ? ' ' : '' });

/** Every recommendation: odd positions fail automatically, even ones pass; manual ones are manual. */
function results(): ResultStatus[] {
  return CATALOG.map((rec, i) => ({ recId: rec.id, source: 'assay', status: rec.assessment === 'manual' ? 'manual' : i % 2 ? 'fail' : 'pass' }));
}

function decision(recId: string, fields: Partial<Decision>): Decision {
  return { recId, status: 'pass', justification: '', decidedBy: 'a', decidedAt: '2026-11-01T00:00:00Z', ...fields };
}

const effective = (d: Decision | undefined) => (d ? (d.carriedFrom ? 'carried' : d.status) : 'undecided');

function walk(height = 10, decisions: Decision[] = []): WalkState {
  return initialWalk(buildRows(results(), decisions, effective, TODAY), height);
}

function run(state: WalkState, ...actions: WalkAction[]): WalkState {
  return actions.reduce(walkReducer, state);
}

describe('key table', () => {
  it('splits one read of terminal input into one press each, in order', () => {
    const names = (input: string) => createKeyReader().push(input).map((p) => p.name);
    expect(names('jj')).toEqual(['j', 'j']);
    expect(names('a b\rc')).toEqual(['a', 'space', 'b', 'enter', 'c']);
    expect(names('\u001b')).toEqual(['esc']);
    expect(names('\u001b[Z\t\u0013')).toEqual(['shift-tab', 'tab', 'ctrl-s']);
    // Ten Backspaces (DEL) in one read are ten presses; arrows and F1 are named keys.
    expect(names('\u007f'.repeat(10))).toEqual(Array(10).fill('backspace'));
    expect(names('\u001b[A\u001b[1;2B\u001bOP\u001b[3~')).toEqual(['up', 'down', 'f1', 'delete']);
  });

  it('lets a mode binding win: n is the next match while a search is active, not applicable otherwise', () => {
    expect(resolve('walk', press('n'), ['search'])).toBe('next-match');
    expect(resolve('walk', press('n'))).toBe('not-applicable');
  });

  it('sends digits to the rating, and tab to path completion only in the snapshot path field', () => {
    expect(resolve('decide', press('3'))).toBe('rate');
    expect(resolve('sourceForm', press('tab'), ['path field'])).toBe('complete');
    expect(resolve('sourceForm', press('tab'))).toBe('next-field');
    expect(footerHints(['sourceForm'], ['path field'])).toContain('tab complete');
    expect(footerHints(['sourceForm'])).not.toContain('tab complete');
  });

  it('binds each key to one action per screen and mode', () => {
    for (const [map, bindings] of Object.entries(KEYMAP) as [KeymapId, readonly Binding[]][]) {
      const seen = new Map<string, string>();
      for (const b of bindings) {
        for (const key of b.keys) {
          const slot = `${b.mode ?? ''}:${key}`;
          expect(seen.get(slot), `${map}: ${key} is bound to ${seen.get(slot)} and ${b.action}`).toBeUndefined();
          seen.set(slot, b.action);
        }
      }
    }
  });

  it('drives the footer and the docs from the same bindings', () => {
    expect(footerHints(['walk'])).toEqual(expect.arrayContaining(['enter open', '/ search', '? help', 'q quit']));
    expect(footerHints(['walk'])).not.toContain('n/N match');
    expect(footerHints(['walk'], ['search'])).toContain('n/N match');
  });

  it('does not offer n for not applicable in the footer while a search takes the key', () => {
    expect(footerHints(['walk'])).toContain('p/f/e/n decide');
    expect(footerHints(['walk'], ['search'])).toContain('p/f/e decide');
    expect(footerHints(['walk'], ['search'])).not.toContain('p/f/e/n decide');
  });

  it('documents every binding', () => {
    const docs = keysMarkdown();
    for (const bindings of Object.values(KEYMAP)) for (const b of bindings as readonly Binding[]) expect(docs).toContain(b.help);
  });
});

describe('text fields', () => {
  it('edits at the cursor: insert, backspace, delete a word, clear', () => {
    let f = textField('hello world');
    f = editField(f, press('left')) ?? f;
    f = editField(f, press('X')) ?? f;
    expect(f).toEqual({ value: 'hello worlXd', cursor: 11 });
    f = editField(f, press('backspace')) ?? f;
    f = editField(f, press('ctrl-w')) ?? f;
    expect(f.value).toBe('hello d');
    expect(editField(f, press('ctrl-u'))).toEqual({ value: '', cursor: 0 });
    // Not an editing key: the caller decides (tab moves to the next field).
    expect(editField(f, press('tab'))).toBeUndefined();
  });

  it('moves between lines of a multi-line field and leaves it at its edges', () => {
    let f = textField('first line\nsecond');
    expect(f.cursor).toBe(17);
    f = editField(f, press('up'), true) ?? f;
    expect(f.cursor).toBe(6);
    expect(editField(f, press('up'), true)).toBeUndefined();
    f = editField(f, press('enter'), true) ?? f;
    expect(f.value).toBe('first \nline\nsecond');
    const view = visualLines(textField('abcdefgh\nij'), 3, 2);
    expect(view.total).toBe(4);
    expect(view.lines).toEqual([{ text: 'gh' }, { text: 'ij', cursor: 2 }]);
  });
});

describe('windowing', () => {
  it('scrolls only as far as the cursor needs', () => {
    expect(scrollTo(0, 5, 10, 100)).toBe(0);
    expect(scrollTo(0, 12, 10, 100)).toBe(3);
    expect(scrollTo(30, 12, 10, 100)).toBe(12);
    expect(scrollTo(0, 99, 10, 100)).toBe(90);
    expect(position(11, 5000)).toBe('12/5000');
    expect(position(0, 0)).toBe('0/0');
  });

  it('keeps a tall item wholly in view', () => {
    const heights = [2, 2, 3, 1, 4];
    expect(scrollToItem(0, 4, heights, 6)).toBe(3);
    expect(visibleItems(3, heights, 6)).toEqual({ from: 3, to: 5 });
    expect(scrollToItem(3, 1, heights, 6)).toBe(1);
  });

  it('moves a list by a row, a page of the window height, or to either end, from the MOVE keys', () => {
    const press = (name: string) => {
      const action = resolve('home', { name, text: '' });
      const move = action && listMove(action);
      if (!move) throw new Error(`${name} is not a move key of the home screen`);
      return move;
    };
    expect(listMove('open')).toBeUndefined();
    let s: ListWindow = { cursor: 0, offset: 0, height: 10 };
    s = moveCursor(s, press('pgdn'), 100);
    expect(s).toEqual({ cursor: 10, offset: 1, height: 10 });
    s = moveCursor(s, press('k'), 100);
    expect(s).toEqual({ cursor: 9, offset: 1, height: 10 });
    s = moveCursor(s, press('G'), 100);
    expect(s).toEqual({ cursor: 99, offset: 90, height: 10 });
    s = moveCursor(s, press('j'), 100);
    expect(s.cursor).toBe(99);
    s = moveCursor(s, press('pgup'), 100);
    expect(s).toEqual({ cursor: 89, offset: 89, height: 10 });
    s = moveCursor(s, press('g'), 100);
    expect(s).toEqual({ cursor: 0, offset: 0, height: 10 });
  });
});

describe('walk state', () => {
  it('filters by decision chips, level, type and failing, keeping the cursor on its row', () => {
    let s = walk(10, [decision('2.9', { status: 'exception' }), decision('3.1.1', { status: 'exception' })]);
    s = run(s, { type: 'goto', recId: '3.1.1' }, { type: 'toggle-status', status: 'exception' });
    expect(s.visible.map((i) => s.rows[i]?.id)).toEqual(['2.9', '3.1.1']);
    expect(currentRow(s)?.id).toBe('3.1.1');
    s = run(s, { type: 'clear-filters' }, { type: 'toggle-failing' });
    expect(s.visible.every((i) => s.rows[i]?.automated === 'fail')).toBe(true);
    s = run(s, { type: 'clear-filters' }, { type: 'cycle-level' }, { type: 'cycle-level' });
    expect(s.visible.every((i) => s.rows[i]?.level === 2)).toBe(true);
    s = run(s, { type: 'clear-filters' }, { type: 'cycle-type' }, { type: 'cycle-type' });
    expect(s.visible.length).toBe(CATALOG.filter((r) => r.assessment === 'manual').length);
  });

  it('windows the lines with their section headings and follows the cursor', () => {
    let s = walk(6);
    expect(s.lines[0]).toEqual({ kind: 'section', section: '2' });
    s = run(s, { type: 'edge', to: 'bottom' });
    expect(s.offset).toBe(s.lines.length - 6);
    s = run(s, { type: 'goto', recId: '3.1.1' });
    // A row that opens a section brings its heading into view.
    expect(s.lines[s.offset]).toEqual({ kind: 'section', section: '3' });
    s = run(s, { type: 'resize', height: 3 }, { type: 'move', by: 2 });
    const line = s.lines.findIndex((l) => l.kind === 'row' && l.row === s.visible[s.cursor]);
    expect(line).toBeGreaterThanOrEqual(s.offset);
    expect(line).toBeLessThan(s.offset + 3);
  });

  it('searches ids and titles incrementally and steps through matches both ways', () => {
    let s = run(walk(), { type: 'search-open' });
    for (const c of 'logging') s = walkReducer(s, { type: 'search-key', press: press(c) });
    const expected = CATALOG.filter((r) => /logging/i.test(r.title)).length;
    expect(s.matches.length).toBe(expected);
    s = run(s, { type: 'search-commit' });
    const first = s.cursor;
    s = run(s, { type: 'match', by: 1 }, { type: 'match', by: -1 });
    expect(s.cursor).toBe(first);
    s = run(s, { type: 'match', by: -1 });
    expect(s.cursor).toBe(s.matches[s.matches.length - 1]);
    s = run(s, { type: 'search-open' }, { type: 'search-key', press: press('ctrl-u') }, { type: 'search-key', press: press('z') }, { type: 'search-key', press: press('q') }, { type: 'search-commit' });
    expect(s.message?.text).toBe('no recommendation matches "zq"');
  });

  it('decides for the selection when there is one, else for the cursor row', () => {
    let s = walk();
    expect(targetIds(s)).toEqual(['2.1']);
    // select marks the cursor row and leaves the cursor where it is.
    s = run(s, { type: 'select' }, { type: 'move', by: 1 }, { type: 'select' }, { type: 'move', by: 4 }, { type: 'select' });
    expect(targetIds(s)).toEqual(['2.1', '2.2', '2.6']);
    s = run(s, { type: 'select' });
    expect(targetIds(s)).toEqual(['2.1', '2.2']);
    s = run(s, { type: 'select-all' });
    expect(s.selected.size).toBe(63);
    s = run(s, { type: 'select-all' });
    expect(s.selected.size).toBe(0);
  });
});

describe('walk rows', () => {
  it('align at 80 columns whatever they hold, and use full titles when wide', () => {
    const rows = buildRows(results(), [decision('2.9', { status: 'exception', expiresAt: '2026-12-01', approver: 'x' })], effective, TODAY);
    const cols = walkColumns(80);
    const widths = new Set(rows.map((r) => rowSegments(r, cols, { selected: false, cursor: false, match: false }).map((s) => s.text).join('').length));
    expect([...widths]).toEqual([80]);
    const wide = walkColumns(200);
    expect(rowSegments(rows[8]!, wide, { selected: true, cursor: true, match: false }).map((s) => s.text).join('')).toContain(CATALOG[8]!.title);
  });

  it('say what an exception, an expired one and a carried one are, in words and glyphs', () => {
    const rows = buildRows(
      results(),
      [
        decision('2.1', { status: 'exception', expiresAt: '2026-12-05', approver: 'x' }),
        decision('2.2', { status: 'exception', expiresAt: '2026-10-01', approver: 'x' }),
        decision('2.3', { status: 'pass', carriedFrom: { assessmentId: 1, decidedAt: '2026-01-01T00:00:00Z' } }),
      ],
      (d) => (d?.expiresAt && d.expiresAt < '2026-11-25' ? 'needs_review' : effective(d)),
      TODAY,
    );
    expect(decisionCell(rows[0]!, false).text).toBe('⚠ exc ⏲ 10d');
    expect(decisionCell(rows[1]!, false).text).toBe('? review (exc)');
    expect(decisionCell(rows[1]!, true).text).toBe('? needs review (was exception, expired 2026-10-01)');
    expect(decisionCell(rows[2]!, true).text).toBe('↻ carried — confirm: pass');
  });
});

describe('detail panes', () => {
  const data = (): DetailData => ({
    rec: CATALOG.find((r) => r.id === '2.9')!,
    results: [
      {
        recId: '2.9',
        source: 'assay',
        status: 'fail',
        findings: Array.from({ length: 5000 }, (_, i) => ({ resource: `user-${i}`, region: 'global', status: i === 4321 ? ('fail' as const) : ('pass' as const), detail: `finding ${i}` })),
      },
    ],
    status: 'undecided',
    evidence: [],
    history: [],
  });

  it('list failing findings first and window thousands of them', () => {
    let s = detailReducer(initialDetail(data(), 80, 10), { type: 'pane', by: 1 });
    expect(visiblePane(s).items[0]?.lines[0]?.text).toContain('user-4321');
    expect(visiblePane(s).items.length).toBe(5);
    s = detailReducer(s, { type: 'edge', to: 'bottom' });
    expect(panePosition(s)).toBe('5000/5000');
    expect(visiblePane(s).items.at(-1)?.lines[0]?.text).toContain('user-4999');
    s = detailReducer(s, { type: 'pane', by: -1 });
    expect(s.pane).toBe('guidance');
    expect(panePosition(s)).toMatch(/^lines 1–10\/\d+$/);
  });
});

describe('small pieces', () => {
  const dir = mkdtempSync(join(tmpdir(), 'assay-complete-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('completes paths like a shell: unique, common prefix, then each candidate', () => {
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', 'q3-iam.pdf'), 'x');
    writeFileSync(join(dir, 'reports', 'q3-s3.pdf'), 'x');
    let step = completePath(textField('rep'), dir);
    expect(step.field.value).toBe('reports/');
    step = completePath(step.field, dir);
    expect(step.field.value).toBe('reports/q3-');
    step = completePath(step.field, dir, step.completion);
    expect(step.field.value).toBe('reports/q3-iam.pdf');
    step = completePath(step.field, dir, step.completion);
    expect(step.field.value).toBe('reports/q3-s3.pdf');
    expect(completePath(textField('nothing-here'), dir).field.value).toBe('nothing-here');
  });

  it('passes progress on at most once per interval, and always the report that finishes', () => {
    let clock = 1000;
    const seen: number[] = [];
    const report = throttleProgress((p) => seen.push(p.done), () => clock);
    report({ done: 1, total: 10 });
    clock += PROGRESS_INTERVAL_MS - 1;
    report({ done: 2, total: 10 });
    clock += 1;
    report({ done: 3, total: 10 });
    report({ done: 10, total: 10 });
    expect(seen).toEqual([1, 3, 10]);
  });

  it('names the pack after the assessment and the day', () => {
    expect(defaultPackName('Northwind Retail (demo)', TODAY)).toBe('assay-northwind-retail-demo-2026-11-25.zip');
  });

  it('turns colour off under NO_COLOR', () => {
    expect(colorEnabled({ NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled({})).toBe(true);
    expect(toneColor('fail', false)).toBeUndefined();
    expect(toneColor('fail', true)).toBe('red');
  });
});

describe('decision summary in the detail pane', () => {
  it('shows why each rating was chosen', () => {
    const decision: Decision = {
      recId: '2.9',
      status: 'fail',
      justification: 'admin.ava has no MFA',
      likelihood: 3,
      impact: 3,
      riskLevel: 'high',
      likelihoodWhy: 'console users are phished often',
      impactWhy: 'an admin can change anything',
      dueDate: '2026-12-23',
      decidedBy: 'erin',
      decidedAt: '2026-11-25T10:00:00Z',
    };
    expect(describeDecision(decision)).toEqual(
      expect.arrayContaining(['why likely: console users are phished often', 'why this impact: an admin can change anything', 'due 2026-12-23']),
    );
  });
});
