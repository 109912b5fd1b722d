/** Small building blocks shared by every screen. */
import { Box, Text } from 'ink';
import { createContext, memo, useContext, type ReactNode } from 'react';
import { fieldWindow, type TextField } from '../field.js';
import { footerHints, type KeymapId } from '../keys.js';
import { candidateNames, type Completion } from '../paths.js';
import { fit, truncate, wrap } from '../text.js';
import { toneColor, type Tone } from '../theme.js';

/** Whether to colour (false under NO_COLOR); glyphs and words carry meaning either way. */
export const ColorContext = createContext(true);

export interface ToneTextProps {
  tone?: Tone;
  bold?: boolean;
  inverse?: boolean;
  dim?: boolean;
  underline?: boolean;
  children?: ReactNode;
}

/** Text in a tone of the theme. */
export function T({ tone = 'plain', bold, inverse, dim, underline, children }: ToneTextProps) {
  const color = useContext(ColorContext);
  const c = toneColor(tone, color);
  return (
    <Text {...(c ? { color: c } : {})} bold={bold} inverse={inverse} dimColor={dim && color} underline={underline} wrap="truncate">
      {children}
    </Text>
  );
}

/** The one-line title bar: where you are. */
export function TitleBar({ width, left, right }: { width: number; left: string; right?: string }) {
  const r = right ? ` ${right}` : '';
  return (
    <Box width={width}>
      <T tone="accent" bold>
        {fit(truncate(left, width - r.length), width - r.length)}
      </T>
      {r ? <T tone="muted">{r}</T> : null}
    </Box>
  );
}

/** The key hints of the screen (from the key table), with the list position on the right. */
export const Footer = memo(function Footer({
  width,
  maps,
  modes = [],
  position,
  global = true,
}: {
  width: number;
  maps: readonly KeymapId[];
  modes?: readonly string[];
  position?: string | undefined;
  global?: boolean;
}) {
  const right = position ? ` ${position}` : '';
  const room = width - right.length;
  const hints = footerHints(maps, modes, global);
  // `? help` always shows: it is the way to every key the footer has no room for.
  const help = global ? hints.find((h) => h.startsWith('? ')) : undefined;
  const tail = help ? ` · ${help}` : '';
  let text = '';
  for (const hint of hints) {
    if (hint === help) continue;
    const next = text ? `${text} · ${hint}` : hint;
    if (next.length + tail.length > room) break;
    text = next;
  }
  text = text ? text + tail : (help ?? '');
  return (
    <Box width={width}>
      <T tone="muted">{fit(text, room)}</T>
      {right ? <T bold>{right}</T> : null}
    </Box>
  );
});

/** A status line: a message in its tone, or nothing (the line is kept so the layout does not jump). */
export function StatusLine({ width, text, tone = 'plain' }: { width: number; text?: string | undefined; tone?: Tone }) {
  return (
    <Box width={width}>
      <T tone={tone}>{fit(text ?? '', width)}</T>
    </Box>
  );
}

/** A message that may need more than one line (an error from a file or AWS), wrapped, at most `lines`. */
export function Message({ width, text, tone = 'plain', lines = 3 }: { width: number; text?: string | undefined; tone?: Tone; lines?: number }) {
  if (!text) return null;
  const wrapped = wrap(text, width);
  const shown = wrapped.length > lines ? [...wrapped.slice(0, lines - 1), truncate(wrapped.slice(lines - 1).join(' '), width)] : wrapped;
  return (
    <Box flexDirection="column" width={width}>
      {shown.map((line, i) => (
        <T key={i} tone={tone}>
          {line}
        </T>
      ))}
    </Box>
  );
}

/** A text field's value with its cursor, cut to `width` around the cursor. */
export function FieldView({ field, width, focused, placeholder }: { field: TextField; width: number; focused: boolean; placeholder?: string }) {
  const w = Math.max(4, width);
  if (!focused) {
    const shown = field.value === '' && placeholder ? placeholder : field.value.replace(/\n/g, ' ⏎ ');
    return <T tone={field.value === '' ? 'muted' : 'plain'}>{fit(shown, w)}</T>;
  }
  const { before, at, after } = fieldWindow(field, w);
  return (
    <Text>
      <T underline>{before}</T>
      <T inverse>{at}</T>
      <T underline>{after}</T>
    </Text>
  );
}

/** The candidates of a path completion, under the path and indented to it; a blank line while there are none. */
export function Completions({ completion, indent, width }: { completion: Completion | undefined; indent: number; width: number }) {
  return <T tone="info">{completion ? `${' '.repeat(indent)}${truncate(candidateNames(completion).join('  '), width - indent)}` : ' '}</T>;
}

/** Progress: a bar, the counts, and what is being done now. */
export function ProgressBar({ width, done, total, current }: { width: number; done: number; total: number; current?: string | undefined }) {
  const barWidth = Math.max(10, Math.min(40, width - 30));
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(share * barWidth);
  const counts = `${done}/${total} ${Math.round(share * 100)}%`;
  return (
    <Box flexDirection="column" width={width}>
      <Text>
        <T tone="accent">{'█'.repeat(filled)}</T>
        <T tone="muted">{'░'.repeat(barWidth - filled)}</T>
        <T> {counts}</T>
      </Text>
      <T tone="muted">{fit(current ?? '', width)}</T>
    </Box>
  );
}

/** A y/n question on one line. */
export function Question({ width, text }: { width: number; text: string }) {
  const keys = '  y yes · n no';
  return (
    <Box width={width}>
      <T tone="warn" bold>
        {truncate(text, width - keys.length)}
      </T>
      <T bold>{keys}</T>
    </Box>
  );
}
