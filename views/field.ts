/**
 * An editable text value with a cursor: the state of every text field and of the multi-line
 * justification. Pure; the key table's `text` map names the editing keys. The cursor moves a
 * character at a time as the eye sees it (an emoji or a letter with its accent is one step), and
 * lines are laid out by display width (a CJK character takes two columns).
 */
import { resolve, type KeyPress } from './keys.js';
import { cutAt, displayWidth, graphemes } from './text.js';

export interface TextField {
  value: string;
  /** Index into `value` (UTF-16 units), always between two characters. */
  cursor: number;
}

export function textField(value = ''): TextField {
  return { value, cursor: value.length };
}

export function insertText(field: TextField, text: string): TextField {
  return { value: field.value.slice(0, field.cursor) + text + field.value.slice(field.cursor), cursor: field.cursor + text.length };
}

/** How a field takes its keys: one line, or several (enter breaks the line, ↑/↓ move between lines). */
export interface FieldShape {
  multiline: boolean;
  /** Columns a line of a multi-line field is drawn in, so ↑/↓ and Home/End follow the lines on screen. */
  width?: number;
}

/**
 * Applies one key press to a field. Returns undefined when the key is not an editing key, so the
 * caller can give it another meaning (tab, enter, esc; ↑ on the first line). A paste is one
 * insertion; in a one-line field its line breaks become spaces.
 */
export function editField(field: TextField, press: KeyPress, multiline: boolean | FieldShape = false): TextField | undefined {
  const shape = typeof multiline === 'boolean' ? { multiline } : multiline;
  if (press.name === 'paste') return insertText(field, shape.multiline ? press.text : press.text.replace(/\n/g, ' '));
  const { value, cursor } = field;
  const line = shape.multiline ? currentLine(layout(value, shape.width), cursor) : { start: 0, end: value.length, last: true, index: 0 };
  if (shape.multiline) {
    if (press.name === 'enter') return insertText(field, '\n');
    if (press.name === 'up' || press.name === 'down') return moveLine(field, layout(value, shape.width), line.index, press.name === 'up' ? -1 : 1);
  }
  switch (resolve('text', press)) {
    case 'left':
      return { value, cursor: previousBoundary(value, cursor) };
    case 'right':
      return { value, cursor: nextBoundary(value, cursor) };
    case 'line-start':
      return { value, cursor: line.start };
    case 'line-end':
      return { value, cursor: lineEnd(value, line) };
    case 'backspace': {
      const start = previousBoundary(value, cursor);
      return { value: value.slice(0, start) + value.slice(cursor), cursor: start };
    }
    case 'delete-word': {
      const before = value.slice(0, cursor).replace(/\S+\s*$/, '');
      return { value: before + value.slice(cursor), cursor: before.length };
    }
    case 'clear':
      return textField('');
    case undefined:
      break;
  }
  if (press.text) return insertText(field, press.text);
  return undefined;
}

function previousBoundary(value: string, cursor: number): number {
  return cursor - (graphemes(value.slice(0, cursor)).at(-1)?.length ?? 0);
}

function nextBoundary(value: string, cursor: number): number {
  return cursor + (graphemes(value.slice(cursor))[0]?.length ?? 0);
}

/** One line as drawn: `value.slice(start, end)`; `last` when it ends its paragraph (a line break or the end follows). */
interface Piece {
  start: number;
  end: number;
  last: boolean;
}

/** The field's lines as drawn: each paragraph cut into pieces of at most `width` columns (none when no width). */
function layout(value: string, width = Infinity): Piece[] {
  const pieces: Piece[] = [];
  let offset = 0;
  for (const paragraph of value.split('\n')) {
    let rest = paragraph;
    let start = offset;
    do {
      const [head, tail] = cutAt(rest, width);
      pieces.push({ start, end: start + head.length, last: tail === '' });
      start += head.length;
      rest = tail;
    } while (rest !== '');
    offset += paragraph.length + 1;
  }
  return pieces;
}

/** The piece the cursor is drawn on: inside it, or at the end of the last piece of its paragraph. */
function currentLine(pieces: Piece[], cursor: number): Piece & { index: number } {
  const index = Math.max(
    0,
    pieces.findIndex((p) => cursor >= p.start && (cursor < p.end || (p.last && cursor === p.end))),
  );
  return { ...pieces[index]!, index };
}

/** End of a line: after its last character, or on it when the line wraps (after it is the next line). */
function lineEnd(value: string, line: Piece): number {
  return line.last ? line.end : previousBoundary(value, line.end);
}

/** Moves to the same column of the line above or below; undefined on the first or last line. */
function moveLine(field: TextField, pieces: Piece[], index: number, direction: -1 | 1): TextField | undefined {
  const from = pieces[index];
  const to = pieces[index + direction];
  if (!from || !to) return undefined;
  const { value } = field;
  const column = displayWidth(value.slice(from.start, field.cursor));
  let cursor = to.start;
  let used = 0;
  for (const g of graphemes(value.slice(to.start, lineEnd(value, to)))) {
    used += displayWidth(g);
    if (used > column) break;
    cursor += g.length;
  }
  return { value, cursor };
}

export interface VisualLine {
  text: string;
  /** Index into `text` of the cursor when it is on this line (see `cursorParts`). */
  cursor?: number;
}

/**
 * A multi-line field as it is drawn: lines cut at `width` columns (so the cursor maps exactly),
 * the window of `rows` lines kept around the cursor.
 */
export function visualLines(field: TextField, width: number, rows: number): { lines: VisualLine[]; first: number; total: number } {
  const pieces = layout(field.value, Math.max(1, width));
  const cursorLine = currentLine(pieces, field.cursor).index;
  const all = pieces.map((p, i): VisualLine => {
    const text = field.value.slice(p.start, p.end);
    return i === cursorLine ? { text, cursor: field.cursor - p.start } : { text };
  });
  const first = Math.max(0, Math.min(cursorLine - rows + 1, all.length - rows));
  return { lines: all.slice(first, first + rows), first, total: all.length };
}

/** A line split around the character under the cursor (a space past the end), for drawing the cursor. */
export function cursorParts(text: string, cursor: number): { before: string; at: string; after: string } {
  const at = graphemes(text.slice(cursor))[0] ?? '';
  return { before: text.slice(0, cursor), at: at || ' ', after: text.slice(cursor + at.length) };
}

/**
 * A one-line field drawn in exactly `width` columns with the cursor in view: as much as fits
 * before the cursor (keeping one column after it), the character under it, and what follows, padded.
 */
export function fieldWindow(field: TextField, width: number): { before: string; at: string; after: string } {
  const w = Math.max(4, width);
  const { before: allBefore, at, after: allAfter } = cursorParts(field.value, field.cursor);
  let before = '';
  let used = displayWidth(at);
  for (const g of graphemes(allBefore).reverse()) {
    used += displayWidth(g);
    if (used > w - 1) break;
    before = g + before;
  }
  const room = w - displayWidth(before) - displayWidth(at);
  const [after] = cutAt(allAfter, room);
  // A wide character that would overflow the last column stays out.
  const shown = displayWidth(after) > room ? '' : after;
  return { before, at, after: shown + ' '.repeat(room - displayWidth(shown)) };
}
