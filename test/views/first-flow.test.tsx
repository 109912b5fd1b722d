import { afterEach, describe, expect, it } from 'vitest';
import { startTui, type Tui } from './tui.js';

let tui: Tui | undefined;
afterEach(() => tui?.close());

describe('first start', () => {
  it('offers the demo account first on an empty database and opens its walk', async () => {
    tui = await startTui();
    const welcome = await tui.waitFor('Welcome to Assay');
    expect(welcome.indexOf('Demo account')).toBeLessThan(welcome.indexOf('Snapshot file'));
    await tui.press('enter');
    await tui.waitFor('Northwind Retail (demo)');
    await tui.press('enter');
    const walk = await tui.waitFor('0/63 decided');
    console.log(walk);
  });
});
