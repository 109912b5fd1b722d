import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '../../src/demo.js';
import { writeSnapshotFile, type Snapshot } from '../../src/snapshot.js';
import type { CollectOptions } from '../../views/deps.js';
import { rowOf, seedDemo, startTui, weakPasswordDemo } from './tui.js';

describe('creating assessments', () => {
  it('offers the demo account first on an empty database and opens its walk', async () => {
    const tui = await startTui();
    const welcome = await tui.waitFor('Welcome to Assay');
    expect(welcome.indexOf('Demo account')).toBeLessThan(welcome.indexOf('Snapshot file'));
    await tui.press('enter');
    await tui.waitFor('Northwind Retail (demo)');
    await tui.press('enter');
    const walk = await tui.waitFor('0/63 decided');
    expect(rowOf(walk, '2.1')).toMatch(/^▸/);
    const [summary] = tui.service.listAssessments();
    expect(summary?.assessment).toMatchObject({ name: 'Northwind Retail (demo)', source: 'demo', account: '111122223333' });
    // esc goes home, where the new assessment is listed.
    await tui.press('esc');
    await tui.waitFor(/▸ 1 +Northwind Retail/);
  });

  it('creates one from a snapshot file found by tab completion', async () => {
    const tui = await startTui();
    writeSnapshotFile(join(tui.dir, 'prod-2026-11.json'), loadDemoSnapshot());
    await tui.waitFor('Welcome to Assay');
    await tui.press('j', 'enter');
    await tui.waitFor('New assessment — Snapshot file');
    await tui.type('Prod November');
    await tui.press('down');
    await tui.type('prod');
    await tui.press('tab');
    await tui.waitFor('prod-2026-11.json');
    await tui.press('enter');
    await tui.waitFor('Assay ▸ Prod November');
    expect(tui.service.listAssessments()[0]?.assessment.source).toBe('snapshot:prod-2026-11.json');
  });

  it('names what is wrong with a bad snapshot file and creates nothing', async () => {
    const tui = await startTui();
    writeFileSync(join(tui.dir, 'broken.json'), '{"format": "something else"}');
    await tui.waitFor('Welcome to Assay');
    await tui.press('j', 'enter');
    await tui.type('Broken');
    await tui.press('down');
    await tui.type('broken.json');
    await tui.press('enter');
    const frame = await tui.waitFor('broken.json');
    expect(frame).toMatch(/format/);
    expect(tui.service.listAssessments()).toEqual([]);
  });

  it('collects from a live account with a progress bar, and esc stops it', async () => {
    let seen: CollectOptions | undefined;
    let finish: ((snapshot: Snapshot) => void) | undefined;
    const tui = await startTui({
      deps: {
        collect: (options) => {
          seen = options;
          options.onProgress({ done: 40, total: 160, current: 'ec2 DescribeSecurityGroups eu-west-1' });
          return new Promise<Snapshot>((resolve, reject) => {
            finish = resolve;
            options.signal.addEventListener('abort', () => reject(new DOMException('stopped', 'AbortError')));
          });
        },
      },
    });
    await tui.waitFor('Welcome to Assay');
    await tui.press('j', 'j', 'enter');
    await tui.type('Prod live');
    await tui.press('down');
    await tui.type('audit');
    await tui.press('down');
    await tui.type('eu-west-1, us-east-1');
    await tui.press('enter');
    const running = await tui.waitFor('40/160 25%');
    expect(running).toContain('ec2 DescribeSecurityGroups eu-west-1');
    expect(seen).toMatchObject({ profile: 'audit', regions: ['eu-west-1', 'us-east-1'] });
    await tui.press('esc');
    await tui.waitFor('stopped; nothing was saved');
    expect(tui.service.listAssessments()).toEqual([]);

    await tui.press('enter');
    await tui.waitFor('40/160 25%');
    finish?.(loadDemoSnapshot());
    await tui.waitFor('Assay ▸ Prod live');
    expect(tui.service.listAssessments()[0]?.assessment.source).toBe('live:audit');
  });

  it('carries an earlier assessment forward from the home screen', async () => {
    const tui = await startTui({
      seed: (service) => {
        const id = seedDemo(service, 'Q3');
        service.decide(id, { recId: '2.1', status: 'pass', justification: 'contacts verified' });
      },
    });
    await tui.waitFor('Q3');
    await tui.press('c');
    await tui.waitFor('Earlier assessment');
    await tui.press('j', 'j', 'j', 'enter');
    await tui.waitFor('#1 Q3');
    await tui.press('enter');
    const walk = await tui.waitFor('Assay ▸ Q3 (carried forward)');
    expect(walk).toContain('carried 1 decisions from #1');
    expect(rowOf(walk, '2.1')).toContain('↻ confirm pass');
  });
});

describe('rescan', () => {
  it('evaluates new data into the open assessment and the walk shows it', async () => {
    const tui = await startTui({
      seed: (service) => {
        service.createAssessment({ name: 'Before the fix', source: 'demo', snapshot: weakPasswordDemo() });
      },
    });
    await tui.press('enter');
    expect(rowOf(await tui.waitFor('0/63 decided'), '2.7')).toContain('✗ fail');
    await tui.press('r');
    await tui.waitFor('Rescan "Before the fix"');
    // The demo is the assessment's own source: it is chosen already and needs no details.
    await tui.press('enter');
    expect(rowOf(await tui.waitFor('0/63 decided'), '2.7')).toContain('✓ pass');
  });

  it('asks before scanning another account into an assessment', async () => {
    const tui = await startTui({ seed: (service) => seedDemo(service) });
    writeSnapshotFile(join(tui.dir, 'other.json'), { ...weakPasswordDemo(), account: '999988887777' });
    await tui.press('enter');
    await tui.waitFor('0/63 decided');
    await tui.press('r', 'j', 'enter');
    await tui.type('other.json');
    await tui.press('enter');
    await tui.waitFor('Snapshot of account 999988887777, not 111122223333: scan anyway?');
    await tui.press('n');
    await tui.waitFor('Snapshot file');
    await tui.press('esc', 'esc');
    expect(rowOf(await tui.waitFor('0/63 decided'), '2.7')).toContain('✓ pass');
  });
});
