/**
 * Every key of the TUI, in one table. The input dispatcher resolves key presses through it, the
 * footer shows its hints, the help overlay lists it, and `assay tui --keys` prints it as docs.
 */
import { stripVTControlCharacters } from 'node:util';

/** A key as the table names it: `down`, `enter`, `esc`, `tab`, `shift-tab`, `space`, `ctrl-s`, `j`, `J`, `/`. */
export type KeyName = string;

/** One key press; `text` holds what it types (a character, or a whole paste), if anything. */
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
    help: 'decide pass (opens the form only when a justification is needed); after deciding one row the cursor moves to the next',
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
    { action: 'help', keys: ['?', 'f1'], help: 'show every key of this screen (in a text field, where ? types, F1)', hint: 'help' },
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
    { action: 'select', keys: ['space'], help: 'select the row, or clear it; the cursor stays (decide several at once)', hint: 'select' },
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
    { action: 'workpaper', keys: ['w'], help: 'workpaper: all recommendations in one table with the score, sortable and filterable', hint: 'workpaper' },
    { action: 'import', keys: ['i'], help: 'import a Prowler (CSV, JSON-OCSF) or Security Hub (ASFF) file into this assessment' },
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
    { action: 'decide', keys: ['d'], help: 'open the decision form', hint: 'form' },
    { action: 'fold', keys: ['enter'], help: 'findings: show all of a long finding in place, or fold it again' },
    ...DECIDE_QUICK,
    { action: 'attach', keys: ['a'], help: 'attach a file as evidence', hint: 'attach' },
    { action: 'open-attachment', keys: ['o'], help: 'evidence: open the attachment under the cursor (a private copy in the temporary folder, shown by the system viewer; never run)' },
    { action: 'detach', keys: ['X'], help: 'evidence: detach the attachment under the cursor, with a reason (the history records it; the stored bytes are kept)' },
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
    { action: 'complete', keys: ['tab'], help: 'complete the path (of the pack or of the key)', hint: 'complete' },
    { action: 'next-field', keys: ['down'], help: 'next field: pack, sign, key', hint: 'field', footerKeys: '↑↓' },
    { action: 'prev-field', keys: ['up', 'shift-tab'], help: 'previous field' },
    { action: 'toggle', keys: ['space', 'left', 'right'], help: 'sign the pack or not', mode: 'choice field', hint: 'sign on/off', footerKeys: 'space' },
    { action: 'confirm', keys: ['enter'], help: 'write the evidence pack (a missing folder is created)', hint: 'export' },
    { action: 'back', keys: ['esc'], help: 'back (while writing: stop and remove the partial file)', hint: 'back' },
  ]),
  workpaper: table([
    ...MOVE,
    { action: 'open', keys: ['enter'], help: 'open the recommendation', hint: 'open' },
    { action: 'sort', keys: ['s'], help: 'sort by the next column: id, severity, due date, owner, status', hint: 'sort' },
    { action: 'sort-back', keys: ['S'], help: 'sort by the previous column' },
    { action: 'filter', keys: ['/'], help: 'filter: keep rows whose id, title, state, severity, owner or justification contain the text', hint: 'filter' },
    { action: 'back', keys: ['esc'], help: 'clear the filter; then back to the walk', hint: 'back' },
  ]),
  import: table([
    { action: 'complete', keys: ['tab'], help: 'complete the path', hint: 'complete' },
    { action: 'confirm', keys: ['enter'], help: 'import the file (Prowler CSV or JSON-OCSF, Security Hub ASFF)', hint: 'import' },
    { action: 'down', keys: ['down'], help: 'scroll what was imported', hint: 'scroll', footerKeys: '↑↓' },
    { action: 'up', keys: ['up'], help: 'scroll up' },
    { action: 'page-down', keys: ['pgdn'], help: 'one page down' },
    { action: 'page-up', keys: ['pgup'], help: 'one page up' },
    { action: 'back', keys: ['esc'], help: 'back to the walk', hint: 'back' },
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
  workpaper: 'The workpaper',
  import: 'Import a scanner file',
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

/** The terminal wraps a paste in these when bracketed paste is on (`ESC[?2004h`). */
export const PASTE_START = '\u001b[200~';
export const PASTE_END = '\u001b[201~';

/** Names of the CSI sequences ending in `~`, by their first parameter. */
const TILDE_KEYS: Record<string, KeyName> = { '1': 'home', '7': 'home', '4': 'end', '8': 'end', '5': 'pgup', '6': 'pgdn', '3': 'delete', '11': 'f1' };
/** Names by the final byte of a CSI (`ESC[A`) or SS3 (`ESC OA`) sequence; modifiers (`ESC[1;2A`) are ignored. */
const FINAL_KEYS: Record<string, KeyName> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'shift-tab', P: 'f1' };

/**
 * Text as a field may take it from a paste: line breaks as `\n`, tabs as spaces, and every escape
 * sequence and control character removed (a colour code copied from a terminal is no text).
 */
export function pastedText(raw: string): string {
  const plain = stripVTControlCharacters(raw.replace(/\r\n?/g, '\n'));
  // eslint-disable-next-line no-control-regex
  return plain.replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
}

export interface KeyReader {
  /** Turns terminal input into key presses, in order; a paste or an escape sequence may span several reads. */
  push(input: string): KeyPress[];
  /** True while the end of an escape sequence is awaited (not a paste: those always end). */
  holding(): boolean;
  /** Nothing more came: what is held is keys as it stands (an esc, then what followed it). */
  flush(): KeyPress[];
}

/**
 * Reads key presses from terminal input: every key of a burst is its own press (ten Backspaces in
 * one read are ten presses), escape sequences become named keys and unknown ones are dropped, and
 * a bracketed paste becomes ONE `paste` press holding its cleaned text, never keys.
 */
export function createKeyReader(): KeyReader {
  // Input not read yet: a paste waiting for its end marker, or an escape sequence cut off by the read.
  let held = '';
  const read = (final: boolean): KeyPress[] => {
    const presses: KeyPress[] = [];
    let i = 0;
    while (i < held.length) {
      if (held.startsWith(PASTE_START, i)) {
        const end = held.indexOf(PASTE_END, i + PASTE_START.length);
        if (end === -1) break;
        const text = pastedText(held.slice(i + PASTE_START.length, end));
        if (text) presses.push({ name: 'paste', text });
        i = end + PASTE_END.length;
        continue;
      }
      const key = readKey(held, i, final);
      if (!key) break;
      if (key.name) presses.push({ name: key.name, text: key.text });
      i = key.next;
    }
    held = held.slice(i);
    return presses;
  };
  return {
    push(input) {
      held += input;
      return read(false);
    },
    holding: () => held !== '' && !held.startsWith(PASTE_START),
    flush: () => read(true),
  };
}

interface ReadKey {
  /** Undefined for bytes that mean nothing here. */
  name: KeyName | undefined;
  text: string;
  /** Where the next key starts. */
  next: number;
}

/** The key at `input[at]`, or undefined when its escape sequence is cut off (unless `final`). */
function readKey(input: string, at: number, final: boolean): ReadKey | undefined {
  const char = String.fromCodePoint(input.codePointAt(at) ?? 0);
  const next = at + char.length;
  if (char === '\u001b') return readEscape(input, at, final);
  if (char === '\r' || char === '\n') return { name: 'enter', text: '', next };
  if (char === '\t') return { name: 'tab', text: '', next };
  // Backspace arrives as DEL (0x7f) from most terminals, as BS (ctrl-h) from some.
  if (char === '\u007f' || char === '\b') return { name: 'backspace', text: '', next };
  if (char === ' ') return { name: 'space', text: ' ', next };
  const code = char.codePointAt(0) ?? 0;
  if (code >= 1 && code <= 26) return { name: `ctrl-${String.fromCharCode(code + 96)}`, text: '', next };
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return { name: undefined, text: '', next };
  return { name: char, text: char, next };
}

function readEscape(input: string, at: number, final: boolean): ReadKey | undefined {
  const kind = input[at + 1];
  if (kind === '[' || kind === 'O') {
    // CSI: parameters, intermediates, one final byte. SS3: one final byte.
    let end = at + 2;
    if (kind === '[') {
      // The Linux console's function keys: ESC [ [ A.
      if (input[end] === '[') end++;
      while (end < input.length && /[\u0020-\u003f]/.test(input[end] ?? '')) end++;
    }
    const last = input[end];
    if (last === undefined && !final) return undefined;
    if (last !== undefined && /[\u0040-\u007e]/.test(last)) {
      const params = input.slice(at + 2, end);
      const name = last === '~' ? TILDE_KEYS[params.split(';')[0] ?? ''] : params === '[' && last === 'A' ? 'f1' : FINAL_KEYS[last];
      return { name, text: '', next: end + 1 };
    }
  }
  // Meta + a sequence (ESC ESC [A) is the sequence; otherwise a lone esc, and what follows is its own key.
  if (kind === '\u001b' && (input[at + 2] === '[' || input[at + 2] === 'O')) return readEscape(input, at + 1, final);
  return { name: 'esc', text: '', next: at + 1 };
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
  f1: 'F1',
};

export function keyLabel(name: KeyName): string {
  return KEY_LABELS[name] ?? name;
}

/** The mode of a screen whose focused field takes text: there `?`, `q` and `space` type. */
export const TEXT_FIELD = 'text field';
/** Key maps that mean a text field has focus (the `text` map is listed while typing in a form). */
const TYPING_MAPS: ReadonlySet<string> = new Set(['text', 'search', 'prompt', 'attach', 'import']);

/** True for a key that types a character into a text field instead of doing its action. */
function typesText(name: KeyName): boolean {
  return name === 'space' || [...name].length === 1;
}

/**
 * The footer: the hinted bindings of the screen (in the active modes), then help and quit. While
 * a text field has focus it offers only keys that work there: a binding is shown by its first key
 * that does not type (help as F1), or not at all.
 */
export function footerHints(maps: readonly KeymapId[], modes: readonly string[] = [], withGlobal = true): string[] {
  const typing = modes.includes(TEXT_FIELD) || maps.some((map) => TYPING_MAPS.has(map));
  const hints: string[] = [];
  for (const map of withGlobal ? [...maps, 'global' as const] : maps) {
    for (const b of KEYMAP[map] as readonly Binding[]) {
      if (!b.hint) continue;
      if (b.mode !== undefined && !modes.includes(b.mode)) continue;
      const first = b.keys[0] ?? '';
      const usable = typing && typesText(first) ? b.keys.find((k) => !typesText(k)) : first;
      if (usable === undefined) continue;
      const hint = b.hintInMode && modes.includes(b.hintInMode.mode) ? b.hintInMode.hint : b.hint;
      const keys = usable === first ? (b.footerKeys ?? keyLabel(first)) : keyLabel(usable);
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
