/**
 * The screens an auditor needs beyond the walk: the workpaper, export with signing, import of a
 * scanner file, attachments opened from the detail, and the walk's marks and moves.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKeyFiles } from '../../evidence/minisign.js';
import { readZipEntries } from '../evidence/fixture.js';
import { openDemoWalk, rowOf, seedDemo, startTui } from './tui.js';

const PACK = 'assay-northwind-demo-2026-11-25.zip';
const PROWLER_CSV = join(import.meta.dirname, '../../../shared/fixtures/prowler/example_output_aws.csv');

/** The demo assessment with an exception on 2.9 and a pass that overrides 2.8's automated fail. */
async function decidedWalk() {
  let id = 0;
  const tui = await startTui({
    seed: (service) => {
      id = seedDemo(service);
      service.decide(id, { recId: '2.9', status: 'exception', justification: 'break-glass user, password in the safe', approver: 'CISO', expiresAt: '2026-12-20' });
      service.decide(id, { recId: '2.8', status: 'pass', justification: 'the policy is enforced by the identity provider' });
      service.decide(id, { recId: '2.1', status: 'not_applicable', justification: 'contacts are held by the parent organisation' });
    },
  });
  await tui.waitFor('Northwind demo');
  await tui.press('enter');
  await tui.waitFor('3/63 decided');
  return { tui, id };
}

/** The table's data rows: lines starting with the cursor mark or a space, then an id. */
function tableRows(frame: string): string[] {
  return frame.split('\n').filter((l) => /^[▸ ]\d+\.\d+\s/.test(l));
}

describe('the workpaper view', () => {
  it('lists every recommendation with its state, the score and counts, sorts, filters and opens one', async () => {
    const { tui } = await decidedWalk();
    await tui.press('w');
    let frame = await tui.waitFor('Workpaper of "Northwind demo"');
    expect(frame).toMatch(/score \d+\.\d% of 62 in scope · \d+ pass · \d+ fail · 1 exc · 1 n\/a · \d+ not assessed/);
    for (const head of ['ID', 'STATUS', 'RESULT', 'SEVERITY', 'DUE', 'JUSTIFICATION']) expect(frame).toContain(head);
    for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    expect(tableRows(frame)[0]).toMatch(/^▸2\.1\s+n\/a/);
    expect(tableRows(frame).find((l) => l.startsWith(' 2.8'))).toContain('≠pass');
    expect(tableRows(frame).find((l) => l.startsWith(' 2.9'))).toMatch(/exc\s+fail\s+\S+\s+2026-12-20 break-glass/);

    // It scrolls to the last of the 63.
    await tui.press('G');
    frame = await tui.waitFor('63/63');
    expect(tableRows(frame).at(-1)).toMatch(/^▸6\.\d+/);

    // By due date: the only row with one comes first.
    await tui.press('s', 's');
    frame = await tui.waitFor('sorted by due');
    await tui.press('g');
    frame = await tui.waitFor('1/63');
    expect(tableRows(frame)[0]).toMatch(/^▸2\.9 /);

    await tui.press('/');
    await tui.type('parent organisation');
    frame = await tui.waitFor('1 of 63');
    expect(tableRows(frame)).toHaveLength(1);
    expect(tableRows(frame)[0]).toMatch(/^▸2\.1 /);
    await tui.press('enter', 'enter');
    await tui.waitFor('2.1 Maintain current contact details');
    await tui.press('esc');
    await tui.waitFor('Workpaper of');
    // esc drops the filter first, keeping the cursor on its row; then it goes back to the walk.
    await tui.press('esc');
    frame = await tui.waitFor(/sorted by due · \*/);
    expect(tableRows(frame)).toHaveLength(17);
    expect(tableRows(frame).find((l) => /^.2\.1 /.test(l))).toMatch(/^▸/);
    await tui.press('esc');
    await tui.waitFor('3/63 decided');
  });
});

describe('the walk and the detail', () => {
  it('mark a decision that overrides the automated result', async () => {
    const { tui } = await decidedWalk();
    const frame = tui.frame();
    expect(rowOf(frame, '2.8')).toMatch(/✓ pass ≠/);
    expect(rowOf(frame, '2.9')).not.toContain('≠');
    await tui.press(...'jjjjjjj', 'enter');
    const detail = await tui.waitFor('2.8 Ensure IAM password policy');
    expect(detail).toContain('≠ overrides automated fail');
  });

  it('jumps a section with tab and shows the section from its heading', async () => {
    const { tui } = await openDemoWalk();
    await tui.press('tab');
    const frame = await tui.waitFor(/▸ 3\.1\.1 /);
    const lines = frame.split('\n');
    const head = lines.findIndex((l) => l.includes('Recommendation') && l.includes('Decision'));
    expect(lines[head + 1]).toMatch(/^── 3 /);
  });

  it('opens the detail of every recommendation on its first pane', async () => {
    const { tui } = await openDemoWalk();
    await tui.press('enter');
    await tui.waitFor('What it protects');
    await tui.press('tab');
    await tui.waitFor('Data gathered 1/');
    await tui.press(']');
    const next = await tui.waitFor('2.2 Ensure security contact');
    expect(next).toContain('What it protects');
  });

  it('keeps the cursor on the row space selects', async () => {
    const { tui } = await openDemoWalk();
    await tui.press('space');
    const frame = await tui.waitFor('1 row selected');
    expect(rowOf(frame, '2.1')).toMatch(/^▸●/);
  });
});

describe('the export screen', () => {
  it('creates a missing folder, remembers it, and signs with the key it is given', async () => {
    const tui = await startTui({ seed: (s) => seedDemo(s) });
    await tui.waitFor('Northwind demo');
    await tui.press('x');
    let frame = await tui.waitFor('Export the evidence pack');
    // The default is the pack folder the deps name, not the working directory.
    expect(frame).toContain(join(tui.dir, PACK).slice(0, 60));

    await tui.press('ctrl-u');
    await tui.type('new/deeper/pack.zip');
    await tui.press('enter');
    frame = await tui.waitFor('✓ written:', 20_000);
    expect(existsSync(join(tui.dir, 'new', 'deeper', 'pack.zip'))).toBe(true);
    await tui.press('esc');
    await tui.waitFor('Northwind demo');

    // The next export offers the folder used last, and signing with a key that is missing says what to do.
    await tui.press('x');
    frame = await tui.waitFor('Export the evidence pack');
    expect(frame).toContain(join('new', 'deeper', 'assay-northwind'));
    await tui.press('down', 'space');
    await tui.waitFor('◂ yes ▸');
    await tui.press('enter');
    const key = join(tui.dir, 'assessor.key');
    frame = await tui.waitFor('no signing key at');
    expect(frame.replace(/\s+/g, ' ')).toContain('assay keygen --out');

    writeFileSync(key, generateKeyFiles().secretKey, { mode: 0o600 });
    await tui.press('enter');
    frame = await tui.waitFor('✓ written:', 20_000);
    // Only the public key proves who signed, so the hint names it.
    expect(frame.replace(/\s+/g, '')).toContain(`--pubkey${key}.pub`);
    const entries = await readZipEntries(join(tui.dir, 'new', 'deeper', PACK));
    expect(entries.has('SHA256SUMS.minisig')).toBe(true);
  });

  it('says plainly why a folder cannot be made', async () => {
    const tui = await startTui({ seed: (s) => seedDemo(s) });
    await tui.waitFor('Northwind demo');
    writeFileSync(join(tui.dir, 'blocker'), 'a file, not a folder');
    await tui.press('x');
    await tui.waitFor('Export the evidence pack');
    await tui.press('ctrl-u');
    await tui.type('blocker/pack.zip');
    await tui.press('enter');
    const frame = await tui.waitFor('cannot create the folder');
    expect(frame).not.toMatch(/ENOENT|ENOTDIR|EEXIST/);
    expect(frame.replace(/\s+/g, ' ')).toContain('choose another place for the pack');
  });
});

describe('the import screen', () => {
  it('imports a Prowler CSV into the open assessment and shows what was mapped and stored', async () => {
    const { tui, id } = await openDemoWalk();
    await tui.press('i');
    await tui.waitFor('Import scanner results into "Northwind demo"');
    await tui.type(PROWLER_CSV);
    await tui.press('enter');
    const frame = await tui.waitFor('Stored as Prowler results');
    expect(frame).toMatch(/Prowler CSV.*: \d+ findings? mapped to \d+ recommendations?/);
    expect(tui.service.getResults(id).some((r) => r.source === 'prowler')).toBe(true);
  });

  it('refuses a file that is not a scanner export and stores nothing', async () => {
    const { tui, id } = await openDemoWalk();
    writeFileSync(join(tui.dir, 'notes.csv'), 'just,some\nwords,here\n');
    await tui.press('i');
    await tui.waitFor('Import scanner results');
    await tui.type('notes.csv');
    await tui.press('enter');
    const frame = await tui.waitFor('nothing was stored');
    expect(frame).not.toContain('Stored as');
    expect(tui.service.getResults(id).every((r) => r.source === 'assay')).toBe(true);
  });
});

describe('attachments in the detail', () => {
  it('opens a private copy of an attachment with the system viewer', async () => {
    const opened: string[] = [];
    let id = 0;
    const tui = await startTui({
      seed: (service, dir) => {
        id = seedDemo(service);
        writeFileSync(join(dir, 'contacts.txt'), 'security contact: sec@example.com\n');
        service.attach(id, '2.1', join(dir, 'contacts.txt'));
      },
      deps: {
        openWithViewer: (path) => {
          opened.push(path);
          return 'test-viewer';
        },
      },
    });
    await tui.waitFor('Northwind demo');
    await tui.press('enter');
    await tui.waitFor('0/63 decided');
    await tui.press('enter');
    await tui.waitFor('Evidence 1');
    await tui.press('o');
    await tui.waitFor('go to the Evidence pane');
    await tui.press('tab', 'tab');
    await tui.waitFor('▪ contacts.txt');
    await tui.press('o');
    await tui.waitFor('opened a copy with test-viewer');
    expect(opened).toHaveLength(1);
    const [copy] = opened as [string];
    expect(copy.endsWith('contacts.txt')).toBe(true);
    expect(readFileSync(copy, 'utf8')).toBe('security contact: sec@example.com\n');
    // Readable by the owner only, and never executable.
    expect(statSync(copy).mode & 0o777).toBe(0o600);
  });
});

describe('detaching an attachment in the detail', () => {
  it('asks for a reason, detaches with it, keeps the bytes, and records it in the history', async () => {
    let id = 0;
    const tui = await startTui({
      seed: (service, dir) => {
        id = seedDemo(service);
        writeFileSync(join(dir, 'other-account.txt'), 'contacts of another client\n');
        service.attach(id, '2.1', join(dir, 'other-account.txt'));
      },
    });
    await tui.waitFor('Northwind demo');
    await tui.press('enter');
    await tui.waitFor('0/63 decided');
    await tui.press('enter');
    await tui.waitFor('Evidence 1');
    await tui.press('tab', 'tab');
    await tui.waitFor('▪ other-account.txt');
    await tui.press('X');
    await tui.waitFor('Detach other-account.txt — why?');
    // No reason: refused, nothing detached.
    await tui.press('enter');
    await tui.waitFor('say why it is detached');
    expect(tui.frame()).not.toContain('detached other-account.txt');
    expect(tui.service.listEvidence(id, '2.1')).toHaveLength(1);
    await tui.type('attached to the wrong client');
    await tui.press('enter');
    await tui.waitFor('detached other-account.txt');
    expect(tui.service.listEvidence(id, '2.1')).toEqual([]);
    const [record] = tui.service.listEvidence(id, '2.1', { includeDetached: true });
    expect(record?.detached).toMatchObject({ by: 'test-assessor', reason: 'attached to the wrong client' });
    expect(tui.service.history(id, '2.1').map((event) => event.kind)).toEqual(['attach', 'detach']);
    expect(tui.service.verifyHistory(id).intact).toBe(true);
  });
});
