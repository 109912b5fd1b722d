/**
 * Where an assessment's data comes from — the demo account, a snapshot file or the live
 * account — for a new assessment or a rescan. Choose, fill in the details, then watch it run.
 */
import { editField, textField, type TextField } from '../field.js';
import type { KeyPress } from '../keys.js';
import type { Progress } from '../deps.js';
import { completePath, type Completion } from '../paths.js';
import { clamp } from '../window.js';

/** `earlier`: the data of the assessment carried from, scanned again. */
export type SourceKind = 'demo' | 'snapshot' | 'live' | 'earlier';

export type Purpose =
  | { kind: 'new'; carryFrom: readonly { id: number; name: string }[] }
  | { kind: 'rescan'; assessmentId: number; name: string; account: string; source: string };

export interface Choice {
  kind: SourceKind;
  label: string;
  detail: string;
  /** Why the choice cannot be taken in this build, if it cannot. */
  unavailable?: string;
}

export type FieldName = 'name' | 'path' | 'profile' | 'regions' | 'carry';

export interface SourceState {
  purpose: Purpose;
  /** First start on an empty database: the screen greets and offers the demo first. */
  welcome: boolean;
  choices: readonly Choice[];
  cursor: number;
  step: 'choose' | 'form' | 'running' | 'confirm-account';
  kind?: SourceKind;
  fields: readonly FieldName[];
  focus: number;
  values: Record<Exclude<FieldName, 'carry'>, TextField>;
  /** 0: start fresh; i: carry decisions from purpose.carryFrom[i - 1]. */
  carry: number;
  completion?: Completion;
  progress?: Progress;
  /** Why the last attempt failed. */
  error?: string;
  /** The account question: `the snapshot is of account X …`. */
  question?: string;
  /** What the collector said along the way (a region skipped). */
  warnings: readonly string[];
}

export type SourceAction =
  | { type: 'move'; by: number }
  | { type: 'choose' }
  | { type: 'back' }
  | { type: 'focus'; by: 1 | -1 }
  | { type: 'key'; press: KeyPress }
  | { type: 'carry'; by: 1 | -1 }
  | { type: 'complete'; cwd: string }
  | { type: 'running' }
  | { type: 'progress'; progress: Progress }
  | { type: 'failed'; error: string }
  | { type: 'ask-account'; question: string }
  | { type: 'warning'; message: string };

export interface SourceOptions {
  purpose: Purpose;
  welcome?: boolean;
  liveAvailable: boolean;
  /** For a rescan: the assessment's own source comes first. */
  defaultName?: string;
  defaultProfile?: string;
}

export function initialSource(options: SourceOptions): SourceState {
  const choices: Choice[] = [
    { kind: 'demo', label: 'Demo account', detail: 'Northwind Retail, fictional: try Assay without AWS' },
    { kind: 'snapshot', label: 'Snapshot file', detail: 'from `assay collect` or the CloudShell script' },
    {
      kind: 'live',
      label: 'Live AWS account',
      detail: 'collect now with an AWS profile (read-only)',
      ...(options.liveAvailable ? {} : { unavailable: 'live collection is not available in this build; use `assay collect` or the CloudShell script' }),
    },
  ];
  const purpose = options.purpose;
  if (purpose.kind === 'new' && purpose.carryFrom.length > 0) {
    choices.push({ kind: 'earlier', label: 'Earlier assessment', detail: 'carry one forward: its exceptions and manual decisions' });
  }
  let cursor = 0;
  if (purpose.kind === 'rescan') {
    const own = purpose.source === 'demo' ? 'demo' : purpose.source.startsWith('live:') ? 'live' : 'snapshot';
    cursor = choices.findIndex((c) => c.kind === own);
  }
  return {
    purpose,
    welcome: options.welcome ?? false,
    choices,
    cursor,
    step: 'choose',
    fields: [],
    focus: 0,
    values: {
      name: textField(options.defaultName ?? ''),
      path: textField(''),
      profile: textField(options.defaultProfile ?? ''),
      regions: textField(''),
    },
    carry: 0,
    warnings: [],
  };
}

function fieldsFor(kind: SourceKind, purpose: Purpose): FieldName[] {
  const fields: FieldName[] = purpose.kind === 'new' ? ['name'] : [];
  if (kind === 'snapshot') fields.push('path');
  if (kind === 'live') fields.push('profile', 'regions');
  if (purpose.kind === 'new' && purpose.carryFrom.length > 0) fields.push('carry');
  // Carrying needs nothing but the name and which assessment: the carry field comes first.
  if (kind === 'earlier') return ['carry', 'name'];
  return fields;
}

const DEFAULT_NAMES: Record<SourceKind, string> = { demo: 'Northwind Retail (demo)', snapshot: '', live: '', earlier: '' };

export function sourceReducer(state: SourceState, action: SourceAction): SourceState {
  switch (action.type) {
    case 'move':
      return { ...state, cursor: clamp(state.cursor + action.by, 0, state.choices.length - 1), error: undefined };
    case 'choose': {
      const choice = state.choices[state.cursor];
      if (!choice) return state;
      if (choice.unavailable) return { ...state, error: choice.unavailable };
      const carry = choice.kind === 'earlier' ? Math.max(1, state.carry) : state.carry;
      const from = state.purpose.kind === 'new' ? state.purpose.carryFrom[carry - 1] : undefined;
      const name = state.values.name.value || (choice.kind === 'earlier' && from ? `${from.name} (carried forward)` : DEFAULT_NAMES[choice.kind]);
      return { ...state, step: 'form', kind: choice.kind, carry, fields: fieldsFor(choice.kind, state.purpose), focus: 0, values: { ...state.values, name: textField(name) }, error: undefined };
    }
    case 'back':
      if (state.step === 'confirm-account') return { ...state, step: 'form', question: undefined };
      return { ...state, step: 'choose', completion: undefined, error: undefined, progress: undefined };
    case 'focus':
      return { ...state, focus: clamp(state.focus + action.by, 0, Math.max(0, state.fields.length - 1)), completion: undefined };
    case 'key': {
      const field = state.fields[state.focus];
      if (!field || field === 'carry') return state;
      const edited = editField(state.values[field], action.press);
      return edited ? { ...state, values: { ...state.values, [field]: edited }, completion: undefined, error: undefined } : state;
    }
    case 'carry': {
      if (state.purpose.kind !== 'new') return state;
      // Carrying from the earlier assessment's own data needs one; otherwise "nothing" is a choice.
      const first = state.kind === 'earlier' ? 1 : 0;
      const count = state.purpose.carryFrom.length + 1 - first;
      return { ...state, carry: first + ((state.carry - first + action.by + count) % count) };
    }
    case 'complete': {
      const { field, completion } = completePath(state.values.path, action.cwd, state.completion);
      const name = state.values.name.value || field.value.replace(/\/$/, '').split('/').pop()?.replace(/\.json$/, '') || '';
      return { ...state, values: { ...state.values, path: field, ...(state.purpose.kind === 'new' && !state.values.name.value && name ? { name: textField(name) } : {}) }, completion };
    }
    case 'running':
      return { ...state, step: 'running', error: undefined, progress: { done: 0, total: 0 }, warnings: [] };
    case 'warning':
      return { ...state, warnings: [...state.warnings, action.message] };
    case 'progress':
      return { ...state, progress: action.progress };
    case 'failed':
      return { ...state, step: 'form', error: action.error, progress: undefined };
    case 'ask-account':
      return { ...state, step: 'confirm-account', question: action.question };
  }
}

export function focusedField(state: SourceState): FieldName | undefined {
  return state.step === 'form' ? state.fields[state.focus] : undefined;
}

/** Regions as typed: comma or space separated; empty means every enabled region. */
export function parseRegions(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((r) => r.trim())
    .filter(Boolean);
}

/** Why the form cannot start yet, if it cannot. */
export function sourceProblem(state: SourceState): string | undefined {
  if (state.purpose.kind === 'new' && !state.values.name.value.trim()) return 'give the assessment a name';
  if (state.kind === 'snapshot' && !state.values.path.value.trim()) return 'give the path of the snapshot file (tab completes)';
  const bad = parseRegions(state.values.regions.value).find((r) => !/^[a-z]{2}(-[a-z]+)+-\d$/.test(r));
  if (state.kind === 'live' && bad) return `"${bad}" is not a region name like eu-west-1`;
  return undefined;
}
