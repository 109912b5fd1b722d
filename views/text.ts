/**
 * Plain-text layout helpers. The TUI pads and cuts strings itself so columns stay aligned. Text is
 * measured in terminal columns, a character at a time as the eye sees it: a CJK character or an
 * emoji takes two columns, a combining mark none and stays with its letter.
 */
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter();
// Most text is printable ASCII: one column per character, no need to segment it.
const ASCII = /^[\u0020-\u007e]*$/;

/** The characters of `text` as they are drawn (grapheme clusters). */
export function graphemes(text: string): string[] {
  if (ASCII.test(text)) return text.split('');
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Columns the text takes on a terminal. */
export function displayWidth(text: string): number {
  return ASCII.test(text) ? text.length : stringWidth(text);
}

/** The longest start of `text` that fits in `width` columns (at least one character, so cutting always advances), and the rest. */
export function cutAt(text: string, width: number): [head: string, rest: string] {
  if (displayWidth(text) <= width) return [text, ''];
  let used = 0;
  let end = 0;
  for (const g of graphemes(text)) {
    const w = displayWidth(g);
    if (used + w > width && end > 0) break;
    used += w;
    end += g.length;
    if (used >= width) break;
  }
  return [text.slice(0, end), text.slice(end)];
}

/** Cuts to `width` columns, ending with `…` when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  if (width === 1) return '…';
  const [head] = cutAt(text, width - 1);
  // A wide character that does not fit in the last column leaves it to the ellipsis alone.
  return displayWidth(head) > width - 1 ? '…' : head + '…';
}

/** Exactly `width` columns: cut or padded on the right. */
export function fit(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}

/** Pieces of at most `width` columns each (one wide character alone may exceed a width of 1). */
function splitWidth(text: string, width: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest !== '') {
    const [head, tail] = cutAt(rest, width);
    pieces.push(head);
    rest = tail;
  }
  return pieces;
}

/** Word-wraps one paragraph to `width`; words longer than a line (ARNs) are split. */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let rest = word;
      if (displayWidth(rest) > w) {
        if (line) lines.push(line);
        const pieces = splitWidth(rest, w);
        lines.push(...pieces.slice(0, -1));
        line = '';
        rest = pieces.at(-1) ?? '';
      }
      if (!line) line = rest;
      else if (displayWidth(line) + 1 + displayWidth(rest) <= w) line += ' ' + rest;
      else {
        lines.push(line);
        line = rest;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Wraps with a hanging indent: the first line starts with `lead`, the rest line up under it. */
export function wrapIndented(lead: string, text: string, width: number): string[] {
  const indent = ' '.repeat(displayWidth(lead));
  return wrap(text, width - indent.length).map((line, i) => (i === 0 ? lead : indent) + line);
}

/** Cuts a line into pieces of `width` without touching its spacing; later pieces get `indent`. */
export function hardWrap(text: string, width: number, indent = ''): string[] {
  const [first, rest] = cutAt(text, width);
  if (rest === '') return [text];
  return [first, ...splitWidth(rest, Math.max(1, width - indent.length)).map((piece) => indent + piece)];
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** `2026-11-20T09:30:00.000Z` → `2026-11-20 09:30` (UTC, as stored). */
export function shortTime(iso: string): string {
  return iso.length >= 16 ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso;
}
