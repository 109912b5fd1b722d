/**
 * An editable text value with a cursor: the state of every text field and of the multi-line
 * justification. Pure; the key table's `text` map names the editing keys.
 */
import { resolve, type KeyPress } from './keys.js';

export interface TextField {
  value: string;
  /** Index into `value` (UTF-16 units; the TUI's text is one unit per column). */
  cursor: number;
}

export function textField(value = ''): TextField {
  return { value, cursor: value.length };
}

export function insertText(field: TextField, text: string): TextField {
  return { value: field.value.slice(0, field.cursor) + text + field.value.slice(field.cursor), cursor: field.cursor + text.length };
}

/**
 * Applies one key press to a field. Returns undefined when the key is not an editing key, so the
 * caller can give it another meaning (tab, enter, esc). `multiline` lets enter and ↑/↓ act inside.
 */
export function editField(field: TextField, press: KeyPress, multiline = false): TextField | undefined {
  if (multiline) {
    if (press.name === 'enter') return insertText(field, '\n');
    if (press.name === 'up' || press.name === 'down') return moveLine(field, press.name === 'up' ? -1 : 1);
  }
  const action = resolve('text', press);
  const { value, cursor } = field;
  const lineStart = value.lastIndexOf('\n', cursor - 1) + 1;
  const lineEndAt = value.indexOf('\n', cursor);
  const lineEnd = lineEndAt === -1 ? value.length : lineEndAt;
  switch (action) {
    case 'left':
      return { value, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { value, cursor: Math.min(value.length, cursor + 1) };
    case 'line-start':
      return { value, cursor: lineStart };
    case 'line-end':
      return { value, cursor: lineEnd };
    case 'backspace':
      if (cursor === 0) return field;
      return { value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1 };
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

/** Moves to the same column of the previous or next line; stays put at the first or last line. */
function moveLine(field: TextField, direction: -1 | 1): TextField | undefined {
  const { value, cursor } = field;
  const lineStart = value.lastIndexOf('\n', cursor - 1) + 1;
  const column = cursor - lineStart;
  if (direction === -1) {
    if (lineStart === 0) return undefined;
    const prevStart = value.lastIndexOf('\n', lineStart - 2) + 1;
    return { value, cursor: Math.min(prevStart + column, lineStart - 1) };
  }
  const nextStart = value.indexOf('\n', cursor);
  if (nextStart === -1) return undefined;
  const nextEndAt = value.indexOf('\n', nextStart + 1);
  const nextEnd = nextEndAt === -1 ? value.length : nextEndAt;
  return { value, cursor: Math.min(nextStart + 1 + column, nextEnd) };
}

export interface VisualLine {
  text: string;
  /** Column of the cursor when it is on this line. */
  cursor?: number;
}

/**
 * A multi-line field as it is drawn: lines cut at `width` (so the cursor maps exactly), the
 * window of `rows` lines kept around the cursor.
 */
export function visualLines(field: TextField, width: number, rows: number): { lines: VisualLine[]; first: number; total: number } {
  const w = Math.max(1, width);
  const all: VisualLine[] = [];
  let offset = 0;
  let cursorLine = 0;
  for (const logical of field.value.split('\n')) {
    const pieces = logical.length === 0 ? [''] : (logical.match(new RegExp(`.{1,${w}}`, 'g')) ?? ['']);
    pieces.forEach((piece, i) => {
      const start = offset + i * w;
      const isLast = i === pieces.length - 1;
      const end = start + piece.length;
      const line: VisualLine = { text: piece };
      // The cursor sits on this piece, or at the end of the last piece of its line.
      if (field.cursor >= start && (field.cursor < end || (isLast && field.cursor === end))) {
        line.cursor = field.cursor - start;
        cursorLine = all.length;
      }
      all.push(line);
    });
    offset += logical.length + 1;
  }
  const first = Math.max(0, Math.min(cursorLine - rows + 1, all.length - rows));
  return { lines: all.slice(first, first + rows), first, total: all.length };
}
