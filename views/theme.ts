/**
 * Glyphs and colours. Every state has a glyph and a word, so the TUI reads the same without
 * colour (NO_COLOR, monochrome terminals, screenshots pasted into reports).
 */
import type { CheckStatus } from '../checks/types.js';
import type { EffectiveStatus } from '../src/model.js';

export type Tone = 'pass' | 'fail' | 'warn' | 'muted' | 'info' | 'accent' | 'review' | 'plain';

const TONE_COLORS: Record<Tone, string | undefined> = {
  pass: 'green',
  fail: 'red',
  warn: 'yellow',
  muted: 'gray',
  info: 'cyan',
  accent: 'blue',
  review: 'magenta',
  plain: undefined,
};

/** `NO_COLOR` set to anything non-empty turns colour off (https://no-color.org). */
export function colorEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.NO_COLOR;
}

export function toneColor(tone: Tone, color: boolean): string | undefined {
  return color ? TONE_COLORS[tone] : undefined;
}

export interface StatusLook {
  glyph: string;
  /** Short word for the 80-column walk. */
  word: string;
  /** Longer words where there is room (detail, help). */
  long: string;
  tone: Tone;
}

export const AUTOMATED_LOOK: Record<CheckStatus | 'none', StatusLook> = {
  pass: { glyph: '✓', word: 'pass', long: 'pass', tone: 'pass' },
  fail: { glyph: '✗', word: 'fail', long: 'fail', tone: 'fail' },
  manual: { glyph: '○', word: 'manual', long: 'manual: data for the assessor', tone: 'info' },
  error: { glyph: '!', word: 'error', long: 'error: data missing', tone: 'warn' },
  none: { glyph: ' ', word: 'not run', long: 'not scanned', tone: 'muted' },
};

export const DECISION_LOOK: Record<EffectiveStatus, StatusLook> = {
  undecided: { glyph: '·', word: 'undecided', long: 'undecided', tone: 'muted' },
  pass: { glyph: '✓', word: 'pass', long: 'pass', tone: 'pass' },
  fail: { glyph: '✗', word: 'fail', long: 'fail', tone: 'fail' },
  exception: { glyph: '⚠', word: 'exception', long: 'exception (accepted risk)', tone: 'warn' },
  not_applicable: { glyph: '–', word: 'n/a', long: 'not applicable', tone: 'accent' },
  needs_review: { glyph: '?', word: 'review', long: 'needs review: the exception expired', tone: 'review' },
  carried: { glyph: '↻', word: 'confirm', long: 'carried — confirm', tone: 'info' },
};

/** Marks in the walk's left margin. */
export const MARK = { cursor: '▸', selected: '●', expiring: '⏲', override: '≠' } as const;
