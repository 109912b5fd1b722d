/**
 * Plain-text layout helpers. The TUI pads and cuts strings itself so columns stay aligned; its
 * glyphs are all one column wide, so a string's length is its width.
 */

/** Cuts to `width` columns, ending with `…` when something was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...text];
  if (chars.length <= width) return text;
  return chars.slice(0, width - 1).join('') + '…';
}

/** Exactly `width` columns: cut or padded on the right. */
export function fit(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - [...cut].length));
}

/** Word-wraps one paragraph to `width`; words longer than a line (ARNs) are split. */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      let rest = word;
      while ([...rest].length > w) {
        if (line) {
          lines.push(line);
          line = '';
        }
        lines.push([...rest].slice(0, w).join(''));
        rest = [...rest].slice(w).join('');
      }
      if (!rest) continue;
      if (!line) line = rest;
      else if ([...line].length + 1 + [...rest].length <= w) line += ' ' + rest;
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
  const indent = ' '.repeat([...lead].length);
  return wrap(text, width - indent.length).map((line, i) => (i === 0 ? lead : indent) + line);
}

/** Cuts a line into pieces of `width` without touching its spacing; later pieces get `indent`. */
export function hardWrap(text: string, width: number, indent = ''): string[] {
  const chars = [...text];
  if (chars.length <= width) return [text];
  const lines = [chars.slice(0, width).join('')];
  const room = Math.max(1, width - indent.length);
  for (let i = width; i < chars.length; i += room) lines.push(indent + chars.slice(i, i + room).join(''));
  return lines;
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
