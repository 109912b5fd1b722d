/**
 * Every key of the TUI, in one table. The input dispatcher resolves key presses through it, the
 * footer shows its hints, the help overlay lists it, and `assay tui --keys` prints it as docs.
 */
import type { Key } from 'ink';

/** A key as the table names it: `down`, `enter`, `esc`, `tab`, `shift-tab`, `space`, `ctrl-s`, `j`, `J`, `/`. */
export type KeyName = string;

/** One key press after Ink's parsing; `text` holds the printable character, if any. */
export interface KeyPress {
  name: KeyName;
  text: string;
}

export interface Binding<A extends string = string> {
  action: A;
  keys: readonly KeyName[];
  help: string;
  /** Footer label; bindings without one appear only in the help overlay. */
  hint?: string;
  /** How the footer writes the keys when the first key alone would mislead (`↑↓`). */
  footerKeys?: string;
  /** The binding applies only while the screen is in this mode (e.g. a search is active). */
  mode?: string;
  /** The footer label while the screen is in another mode whose bindings take one of these keys. */
  hintInMode?: { mode: string; hint: string };
}

function table<const A extends string>(bindings: Binding<A>[]): readonly Binding<A>[] {
  return bindings;
}

const MOVE = [
  { action: 'down', keys: ['down', 'j'], help: 'move down', hint: 'move', footerKeys: '↑↓' },
  { action: 'up', keys: ['up', 'k'], help: 'move up' },
  { action: 'page-down', keys: ['pgdn', 'ctrl-d'], help: 'one page down' },
  { action: 'page-up', keys: ['pgup', 'ctrl-u'], help: 'one page up' },
  { action: 'top', keys: ['home', 'g'], help: 'first row' },
  { action: 'bottom', keys: ['end', 'G'], help: 'last row' },
] as const;

/** What a MOVE key asks of a windowed list; each list's reducer knows how far a page is. */
export type ListMove = { type: 'move'; by: 1 | -1 } | { type: 'page'; by: 1 | -1 } | { type: 'edge'; to: 'top' | 'bottom' };

const LIST_MOVES: Record<(typeof MOVE)[number]['action'], ListMove> = {
  down: { type: 'move', by: 1 },
  up: { type: 'move', by: -1 },
  'page-down': { type: 'page', by: 1 },
  'page-up': { type: 'page', by: -1 },
  top: { type: 'edge', to: 'top' },
  bottom: { type: 'edge', to: 'bottom' },
};

/** The list move of a MOVE action, or undefined for any other action of the screen. */
export function listMove(action: string): ListMove | undefined {
  return Object.hasOwn(LIST_MOVES, action) ? LIST_MOVES[action as keyof typeof LIST_MOVES] : undefined;
}

/** Hands a MOVE action to the store of the screen's list; false when the action is not a move. */
export function moveList(action: string, list: { dispatch(move: ListMove): void }): boolean {
  const move = listMove(action);
  if (move) list.dispatch(move);
  return move !== undefined;
}

const DECIDE_QUICK = [
  {
    action: 'pass',
    keys: ['p'],
    help: 'decide pass (opens the form only when a justification is needed)',
    hint: 'p/f/e/n decide',
    footerKeys: '',
    // While a search is active, n steps to the next match.
    hintInMode: { mode: 'search', hint: 'p/f/e decide' },
  },
  { action: 'fail', keys: ['f'], help: 'decide fail (opens the form for the risk rating)' },
  { action: 'exception', keys: ['e'], help: 'decide exception: opens the form (justification, approver, expiry)' },
  { action: 'not-applicable', keys: ['n'], help: 'decide not applicable (opens the form for the justification)' },
] as const;

export const KEYMAP = {
  global: table([
    { action: 'help', keys: ['?'], help: 'show every key of this screen', hint: 'help' },
    { action: 'quit', keys: ['q'], help: 'quit (asks first only when a form holds unsaved text)', hint: 'quit' },
    { action: 'quit-now', keys: ['ctrl-c'], help: 'quit at once from anywhere; everything confirmed is already saved' },
  ]),
  home: table([
    { action: 'open', keys: ['enter'], help: 'open the assessment where you left off', hint: 'open' },
    ...MOVE,
    { action: 'new', keys: ['c'], help: 'create an assessment: demo account, snapshot file, live account, or carry this one forward', hint: 'create' },
    { action: 'rename', keys: ['r'], help: 'rename the assessment', hint: 'rename' },
    { action: 'delete', keys: ['d'], help: 'delete the assessment (asks first)', hint: 'delete' },
    { action: 'export', keys: ['x'], help: 'export the evidence pack', hint: 'export' },
  ]),
  source: table([
    { action: 'down', keys: ['down', 'j'], help: 'next choice', hint: 'choose', footerKeys: '↑↓' },
    { action: 'up', keys: ['up', 'k'], help: 'previous choice' },
    { action: 'confirm', keys: ['enter'], help: 'take this source', hint: 'continue' },
    { action: 'back', keys: ['esc'], help: 'back without creating anything', hint: 'back' },
  ]),
  sourceForm: table([
    { action: 'next-field', keys: ['tab', 'down'], help: 'next field (from the snapshot path: ↓, as tab completes there)', hint: 'next', footerKeys: '↓' },
    { action: 'complete', keys: ['tab'], help: 'complete the path; again: next candidate', mode: 'path field', hint: 'complete' },
    { action: 'prev-field', keys: ['shift-tab', 'up'], help: 'previous field' },
    { action: 'next-value', keys: ['right'], help: 'carry from: next earlier assessment' },
    { action: 'prev-value', keys: ['left'], help: 'carry from: previous earlier assessment' },
    { action: 'confirm', keys: ['enter'], help: 'start (collect or scan, then open the walk)', hint: 'start' },
    { action: 'back', keys: ['esc'], help: 'back to the choice of source', hint: 'back' },
  ]),
  progress: table([{ action: 'cancel', keys: ['esc'], help: 'stop the work in progress; nothing is saved', hint: 'cancel' }]),
  walk: table([
    { action: 'open', keys: ['enter'], help: 'open the recommendation: guidance, findings, evidence, history', hint: 'open' },
    ...MOVE,
    { action: 'next-section', keys: ['tab'], help: 'jump to the next section' },
    { action: 'prev-section', keys: ['shift-tab'], help: 'jump to the previous section' },
    ...DECIDE_QUICK,
    { action: 'decide', keys: ['d'], help: 'open the decision form' },
    { action: 'select', keys: ['space'], help: 'select the row (decide several at once)', hint: 'select' },
    { action: 'select-all', keys: ['*'], help: 'select every row shown, or clear the selection' },
    { action: 'search', keys: ['/'], help: 'search ids and titles', hint: 'search' },
    { action: 'next-match', keys: ['n'], help: 'next search match', mode: 'search', hint: 'n/N match', footerKeys: '' },
    { action: 'prev-match', keys: ['N'], help: 'previous search match', mode: 'search' },
    { action: 'filter-pass', keys: ['1'], help: 'show only decided pass (again: show all)' },
    { action: 'filter-fail', keys: ['2'], help: 'show only decided fail' },
    { action: 'filter-exception', keys: ['3'], help: 'show only exceptions' },
    { action: 'filter-not-applicable', keys: ['4'], help: 'show only not applicable' },
    { action: 'filter-needs-review', keys: ['5'], help: 'show only expired exceptions (needs review)' },
    { action: 'filter-carried', keys: ['6'], help: 'show only carried decisions waiting for confirmation' },
    { action: 'filter-undecided', keys: ['7', 'u'], help: 'show only undecided recommendations' },
    { action: 'filter-failing', keys: ['F'], help: 'show only recommendations whose automated result fails', hint: 'F failing', footerKeys: '' },
    { action: 'filter-level', keys: ['L'], help: 'level filter: all → level 1 → level 2' },
    { action: 'filter-type', keys: ['M'], help: 'type filter: all → automated → manual' },
    { action: 'clear-filters', keys: ['c'], help: 'clear every filter and the search' },
    { action: 'attach', keys: ['a'], help: 'attach a file as evidence to this recommendation' },
    { action: 'export', keys: ['x'], help: 'export the evidence pack' },
    { action: 'rescan', keys: ['r'], help: 'rescan: evaluate a new snapshot (decisions stay)' },
    { action: 'drift', keys: ['D'], help: 'drift: what changed since the assessment this one was carried from' },
    { action: 'back', keys: ['esc'], help: 'clear the search, then the selection, then the filters; then back to the assessments', hint: 'back' },
  ]),
  search: table([
    { action: 'confirm', keys: ['enter'], help: 'keep the search and go to the first match', hint: 'find' },
    { action: 'cancel', keys: ['esc'], help: 'drop the search', hint: 'cancel' },
  ]),
  detail: table([
    { action: 'next-pane', keys: ['tab', 'right', 'l'], help: 'next pane: guidance, findings, evidence, history, mappings', hint: 'pane' },
    { action: 'prev-pane', keys: ['shift-tab', 'left', 'h'], help: 'previous pane' },
    ...MOVE,
    { action: 'next-rec', keys: [']'], help: 'next recommendation (in the walk order)', hint: '[ ] prev/next', footerKeys: '' },
    { action: 'prev-rec', keys: ['['], help: 'previous recommendation' },
    { action: 'decide', keys: ['d', 'enter'], help: 'open the decision form', hint: 'form', footerKeys: 'd' },
    ...DECIDE_QUICK,
    { action: 'attach', keys: ['a'], help: 'attach a file as evidence', hint: 'attach' },
    { action: 'export', keys: ['x'], help: 'export the evidence pack' },
    { action: 'back', keys: ['esc'], help: 'back to the walk', hint: 'back' },
  ]),
  decide: table([
    { action: 'next-field', keys: ['tab', 'down'], help: 'next field (down arrow moves within the justification)', hint: 'next field', footerKeys: 'tab' },
    { action: 'prev-field', keys: ['shift-tab', 'up'], help: 'previous field' },
    { action: 'next-value', keys: ['right', 'l', 'space'], help: 'choice fields: next value', hint: '←→ change', footerKeys: '' },
    { action: 'prev-value', keys: ['left', 'h'], help: 'choice fields: previous value' },
    { action: 'rate', keys: ['1', '2', '3', '4'], help: 'likelihood and impact: pick the rating' },
    { action: 'enter', keys: ['enter'], help: 'justification: new line; on Save: save; elsewhere: next field' },
    { action: 'save', keys: ['ctrl-s'], help: 'save the decision now (it is written before the form closes)', hint: 'save' },
    { action: 'cancel', keys: ['esc'], help: 'leave without saving (asks first if anything changed)', hint: 'cancel' },
  ]),
  attach: table([
    { action: 'complete', keys: ['tab'], help: 'complete the path; again: next candidate', hint: 'complete' },
    { action: 'next-field', keys: ['down'], help: 'to the note field' },
    { action: 'prev-field', keys: ['up', 'shift-tab'], help: 'to the path field' },
    { action: 'confirm', keys: ['enter'], help: 'attach the file (stored in the database with its SHA-256)', hint: 'attach' },
    { action: 'back', keys: ['esc'], help: 'back without attaching', hint: 'back' },
  ]),
  export: table([
    { action: 'complete', keys: ['tab'], help: 'complete the path', hint: 'complete' },
    { action: 'confirm', keys: ['enter'], help: 'write the evidence pack', hint: 'export' },
    { action: 'back', keys: ['esc'], help: 'back (while writing: stop and remove the partial file)', hint: 'back' },
  ]),
  drift: table([
    ...MOVE,
    { action: 'open', keys: ['enter'], help: 'open the recommendation', hint: 'open' },
    { action: 'back', keys: ['esc'], help: 'back to the walk', hint: 'back' },
  ]),
  text: table([
    { action: 'left', keys: ['left'], help: 'cursor left' },
    { action: 'right', keys: ['right'], help: 'cursor right' },
    { action: 'line-start', keys: ['home', 'ctrl-a'], help: 'start of the line' },
    { action: 'line-end', keys: ['end', 'ctrl-e'], help: 'end of the line' },
    { action: 'backspace', keys: ['backspace'], help: 'delete the character before the cursor' },
    { action: 'delete-word', keys: ['ctrl-w'], help: 'delete the word before the cursor' },
    { action: 'clear', keys: ['ctrl-u'], help: 'clear the field' },
  ]),
  prompt: table([
    { action: 'confirm', keys: ['enter'], help: 'save', hint: 'save' },
    { action: 'cancel', keys: ['esc'], help: 'cancel', hint: 'cancel' },
  ]),
  confirm: table([
    { action: 'yes', keys: ['y', 'Y'], help: 'yes', hint: 'yes' },
    { action: 'no', keys: ['n', 'N', 'esc'], help: 'no', hint: 'no' },
  ]),
  help: table([
    { action: 'down', keys: ['down', 'j'], help: 'scroll down', hint: 'scroll', footerKeys: '↑↓' },
    { action: 'up', keys: ['up', 'k'], help: 'scroll up' },
    { action: 'close', keys: ['esc', '?', 'q'], help: 'close the help', hint: 'close' },
  ]),
} as const;

export type KeymapId = keyof typeof KEYMAP;
export type ActionOf<K extends KeymapId> = (typeof KEYMAP)[K][number]['action'];

/** What each key map is called in the help overlay and the docs. */
export const KEYMAP_TITLES: Record<KeymapId, string> = {
  global: 'Everywhere',
  home: 'Assessments',
  source: 'New assessment: choose a source',
  sourceForm: 'New assessment: details',
  progress: 'Collecting or scanning',
  walk: 'The walk',
  search: 'Search prompt',
  detail: 'Recommendation detail',
  decide: 'Decision form',
  attach: 'Attach evidence',
  export: 'Export the evidence pack',
  drift: 'Drift since the earlier assessment',
  text: 'Text fields',
  prompt: 'Rename prompt',
  confirm: 'Questions (y/n)',
  help: 'This help',
};

/** The binding a key press triggers in one key map; bindings of an active mode win. */
export function resolve<K extends KeymapId>(map: K, press: KeyPress, modes: readonly string[] = []): ActionOf<K> | undefined {
  const bindings = KEYMAP[map] as readonly Binding<ActionOf<K>>[];
  const matches = bindings.filter((b) => b.keys.includes(press.name));
  const moded = matches.find((b) => b.mode !== undefined && modes.includes(b.mode));
  if (moded) return moded.action;
  return matches.find((b) => b.mode === undefined)?.action;
}

/**
 * Turns one Ink input event into key presses. Several printable characters can arrive in one
 * event (typed fast, or pasted): each becomes its own press, and line breaks inside become `enter`.
 */
export function toKeyPresses(input: string, key: Key): KeyPress[] {
  const special = specialName(input, key);
  if (special) return [{ name: special, text: '' }];
  const presses: KeyPress[] = [];
  for (const char of input) {
    if (char === '\r' || char === '\n') presses.push({ name: 'enter', text: '' });
    else if (char === '\t') presses.push({ name: 'tab', text: '' });
    else if (char === ' ') presses.push({ name: 'space', text: ' ' });
    else if (char >= ' ' && char !== '\u007f') presses.push({ name: char, text: char });
  }
  return presses;
}

function specialName(input: string, key: Key): KeyName | undefined {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pgup';
  if (key.pageDown) return 'pgdn';
  if (key.home) return 'home';
  if (key.end) return 'end';
  if (key.return) return 'enter';
  if (key.escape) return 'esc';
  if (key.tab) return key.shift ? 'shift-tab' : 'tab';
  // Backspace (0x7f) arrives as `delete`; both erase backwards, as in most terminal forms.
  if (key.backspace || key.delete) return 'backspace';
  if (key.ctrl && input.length === 1) return `ctrl-${input.toLowerCase()}`;
  return undefined;
}

const KEY_LABELS: Record<string, string> = {
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pgup: 'PgUp',
  pgdn: 'PgDn',
  home: 'Home',
  end: 'End',
  enter: 'enter',
  esc: 'esc',
  tab: 'tab',
  'shift-tab': 'shift-tab',
  space: 'space',
  backspace: 'backspace',
  delete: 'del',
};

export function keyLabel(name: KeyName): string {
  return KEY_LABELS[name] ?? name;
}

/** The footer: the hinted bindings of the screen (in the active modes), then help and quit. */
export function footerHints(maps: readonly KeymapId[], modes: readonly string[] = [], withGlobal = true): string[] {
  const hints: string[] = [];
  for (const map of withGlobal ? [...maps, 'global' as const] : maps) {
    for (const b of KEYMAP[map] as readonly Binding[]) {
      if (!b.hint) continue;
      if (b.mode !== undefined && !modes.includes(b.mode)) continue;
      const hint = b.hintInMode && modes.includes(b.hintInMode.mode) ? b.hintInMode.hint : b.hint;
      const keys = b.footerKeys ?? keyLabel(b.keys[0] ?? '');
      hints.push(keys ? `${keys} ${hint}` : hint);
    }
  }
  return hints;
}

export interface HelpSection {
  title: string;
  rows: { keys: string; help: string }[];
}

/** The help overlay's sections: the screen's key maps, then the keys that work everywhere. */
export function helpSections(maps: readonly KeymapId[], withGlobal = true): HelpSection[] {
  return (withGlobal ? [...maps, 'global' as const] : maps).map((map) => ({
    title: KEYMAP_TITLES[map],
    rows: (KEYMAP[map] as readonly Binding[]).map((b) => ({
      keys: b.keys.map(keyLabel).join(' '),
      help: b.mode ? `${b.help} (while a ${b.mode} is active)` : b.help,
    })),
  }));
}

/** The whole table as Markdown, for `assay tui --keys` and the README. */
export function keysMarkdown(): string {
  const out: string[] = ['# Assay TUI keys', ''];
  for (const map of Object.keys(KEYMAP) as KeymapId[]) {
    out.push(`## ${KEYMAP_TITLES[map]}`, '', '| keys | does |', '| --- | --- |');
    for (const row of helpSections([map], false)[0]?.rows ?? []) {
      out.push(`| ${row.keys.replace(/\|/g, '\\|')} | ${row.help} |`);
    }
    out.push('');
  }
  return out.join('\n');
}
