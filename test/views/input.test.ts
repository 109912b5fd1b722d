import { describe, expect, it } from 'vitest';
import { editField, fieldWindow, textField, visualLines, type TextField } from '../../views/field.js';
import { createKeyReader, footerHints, TEXT_FIELD, type KeyPress } from '../../views/keys.js';
import { displayWidth, fit, truncate, wrap } from '../../views/text.js';

const key = (name: string): KeyPress => ({ name, text: name.length === 1 ? name : '' });
const apply = (field: TextField, presses: KeyPress[], multiline: boolean | { multiline: boolean; width?: number } = false) =>
  presses.reduce((f, p) => editField(f, p, multiline) ?? f, field);

describe('key reader', () => {
  it('turns a bracketed paste into one paste press: tabs, newlines and colour codes are text, never keys', () => {
    const presses = createKeyReader().push('\u001b[200~a\tb\r\n\u001b[31mRED\u001b[0m 3\u0007\u001b[201~j');
    expect(presses).toEqual([{ name: 'paste', text: 'a b\nRED 3' }, { name: 'j', text: 'j' }]);
  });

  it('waits for the end of a paste or an escape sequence cut by the read', () => {
    const reader = createKeyReader();
    expect(reader.push('\u001b[200~one\u001b[20')).toEqual([]);
    expect(reader.push('1~\u001b[')).toEqual([{ name: 'paste', text: 'one' }]);
    expect(reader.holding()).toBe(true);
    expect(reader.push('B')).toEqual([{ name: 'down', text: '' }]);
    reader.push('\u001bO');
    expect(reader.flush().map((p) => p.name)).toEqual(['esc', 'O']);
  });
});

describe('text fields', () => {
  it('puts a paste in as one insertion; one-line fields get spaces for line breaks', () => {
    const paste = { name: 'paste', text: 'two\nlines' };
    expect(editField(textField('x'), paste)?.value).toBe('xtwo lines');
    expect(editField(textField('x'), paste, true)?.value).toBe('xtwo\nlines');
  });

  it('steps over an emoji or a letter with its accent as one character', () => {
    const f = apply(textField('ab🔑e\u0301'), [key('backspace')]);
    expect(f.value).toBe('ab🔑');
    expect(apply(f, [key('left'), key('backspace')]).value).toBe('a🔑');
  });

  it('moves up, down, home and end along the lines as drawn', () => {
    // "abcdefgh" drawn 4 columns wide: "abcd" / "efgh"; the cursor at the end.
    const f = textField('abcdefgh');
    const shape = { multiline: true, width: 4 };
    const up = apply(f, [key('up')], shape);
    expect(up.cursor).toBe(3);
    expect(apply(up, [key('home')], shape).cursor).toBe(0);
    expect(apply(up, [key('down')], shape).cursor).toBe(7);
    expect(apply(textField('ab\ncd'), [key('home')], true).cursor).toBe(3);
  });

  it('lays out wide characters by their width, hiding nothing', () => {
    const lines = visualLines(textField('日本語チーム owns'), 6, 5).lines.map((l) => l.text);
    expect(lines.join('')).toBe('日本語チーム owns');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(6);
    const window = fieldWindow({ value: '日本語abc', cursor: 0 }, 8);
    expect(displayWidth(window.before + window.at + window.after)).toBe(8);
  });
});

describe('text layout', () => {
  it('cuts, pads and wraps by display width', () => {
    expect(truncate('日本語 the end', 8)).toBe('日本語 …');
    expect(displayWidth(fit('🔑 key', 10))).toBe(10);
    expect(wrap('日本語チーム owns the keys', 8)).toEqual(['日本語チ', 'ーム', 'owns the', 'keys']);
  });
});

describe('footer in a text field', () => {
  it('offers no key that would type, and help as F1', () => {
    const hints = footerHints(['decide'], [TEXT_FIELD]);
    expect(hints).toContain('F1 help');
    expect(hints.some((h) => h.startsWith('? ') || h.startsWith('q '))).toBe(false);
    expect(footerHints(['decide'])).toContain('? help');
  });
});
