/**
 * The TUI with 63 recommendations × 10,000 findings: how long the walk takes to open (enter on
 * the home screen until the walk's frame is written) and how long a key press takes to redraw
 * (j until the next frame). Ink runs on a fake 80×24 terminal that records every frame (debug
 * mode: every render is written, none throttled). The walk reads only each result's status; the
 * findings are read when a recommendation's detail opens, which is measured too (no target).
 * Targets (issue 4): the walk opens in under 300 ms, a key press redraws in under 30 ms (p95).
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CheckResult } from '../checks/types.js';
import type { BenchSection, Measurement } from './section.js';
import { peakRssMb } from './section.js';

const FINDINGS_PER_REC = 10_000;
const WALK_OPENS = 5;
const KEY_PRESSES = 60;

/** A terminal for Ink: stdout records frames, stdin takes writes as key presses. */
class FakeStdout extends EventEmitter {
  readonly columns = 80;
  readonly rows = 24;
  readonly isTTY = true;
  frame = '';
  private waiting: { test: (frame: string) => boolean; resolve: () => void } | undefined;
  write = (frame: string): boolean => {
    this.frame = frame;
    if (this.waiting?.test(frame)) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve();
    }
    return true;
  };
  /** Resolves at the first frame written after the call that passes `test`. */
  next(test: (frame: string) => boolean): Promise<void> {
    return new Promise((resolve) => (this.waiting = { test, resolve }));
  }
}

class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  write(data: string): void {
    this.data = data;
    this.emit('readable');
  }
  read = (): string | null => {
    const data = this.data;
    this.data = null;
    return data;
  };
  setRawMode(): void {}
  setEncoding(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function run(): Promise<Measurement[]> {
  // React's development build is several times slower; the launcher runs production.
  process.env.NODE_ENV ??= 'production';
  const [{ CATALOG }, { AssayService }, { buildTuiDeps }, { render }, React, { App }] = await Promise.all([
    import('../checks/catalog.js'),
    import('../src/service.js'),
    import('../src/commands/tui.js'),
    import('ink'),
    import('react'),
    import('../views/app.js'),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'assay-bench-tui-'));
  const dbPath = join(dir, 'bench.db');
  try {
    const setup = AssayService.open({ dbPath, actor: 'bench' });
    const { id } = setup.createAssessment({ name: 'Bench: 63 × 10,000 findings', source: 'bench', account: '111122223333' });
    const results: CheckResult[] = CATALOG.map((rec) => ({
      id: rec.id,
      status: 'fail',
      findings: Array.from({ length: FINDINGS_PER_REC }, (_, i) => ({
        resource: `arn:aws:ec2:eu-west-1:111122223333:security-group/sg-${rec.id.replace(/\./g, '')}${String(i).padStart(6, '0')}`,
        region: 'eu-west-1',
        status: i % 7 === 0 ? ('fail' as const) : ('pass' as const),
        detail: i % 7 === 0 ? 'allows 0.0.0.0/0 on port 22' : 'no ingress from 0.0.0.0/0 to administrative ports',
      })),
    }));
    setup.storeResults(id, results, 'assay');
    setup.close();

    const { deps, close } = await buildTuiDeps({ dbPath, actor: 'bench' });
    const stdout = new FakeStdout();
    const stdin = new FakeStdin();
    const instance = render(React.createElement(App, { deps, width: 80, height: 24, color: false }), {
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      debug: true,
      exitOnCtrlC: false,
      patchConsole: false,
    });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
    await settle();

    const opens: number[] = [];
    for (let i = 0; i < WALK_OPENS; i++) {
      const opened = stdout.next((f) => f.includes('decided'));
      const started = performance.now();
      stdin.write('\r');
      await opened;
      opens.push(performance.now() - started);
      const home = stdout.next((f) => f.includes('Decided'));
      stdin.write('\u001b');
      await home;
      await settle();
    }

    const walkOpen = stdout.next((f) => f.includes('decided'));
    stdin.write('\r');
    await walkOpen;
    await settle();
    const presses: number[] = [];
    for (let i = 0; i < KEY_PRESSES; i++) {
      const before = stdout.frame;
      const redrawn = stdout.next((f) => f !== before);
      const started = performance.now();
      stdin.write(i % 20 < 10 ? 'j' : 'k');
      await redrawn;
      presses.push(performance.now() - started);
    }

    const detailShown = stdout.next((f) => f.includes(`/${FINDINGS_PER_REC}`));
    const detailStarted = performance.now();
    stdin.write('\r');
    await detailShown;
    const detailOpen = performance.now() - detailStarted;
    const scrolls: number[] = [];
    for (let i = 0; i < 20; i++) {
      const before = stdout.frame;
      const redrawn = stdout.next((f) => f !== before);
      const started = performance.now();
      stdin.write('\u001b[6~');
      await redrawn;
      scrolls.push(performance.now() - started);
    }

    instance.unmount();
    close();
    opens.sort((a, b) => a - b);
    presses.sort((a, b) => a - b);
    scrolls.sort((a, b) => a - b);
    return [
      { name: 'walk opens (median)', value: percentile(opens, 50), unit: 'ms', target: { max: 300, strict: true }, note: `${WALK_OPENS} opens, 63 × ${FINDINGS_PER_REC.toLocaleString('en-US')} findings` },
      { name: 'walk opens (slowest)', value: opens.at(-1) ?? 0, unit: 'ms' },
      { name: 'key press redraw (p95)', value: percentile(presses, 95), unit: 'ms', target: { max: 30, strict: true }, note: `${KEY_PRESSES} presses of j/k` },
      { name: 'key press redraw (median)', value: percentile(presses, 50), unit: 'ms' },
      { name: 'detail opens', value: detailOpen, unit: 'ms', note: `${FINDINGS_PER_REC.toLocaleString('en-US')} findings, failing first` },
      { name: 'findings page down (p95)', value: percentile(scrolls, 95), unit: 'ms' },
      { name: 'peak RSS', value: peakRssMb(), unit: 'MB', digits: 0 },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const tuiBench: BenchSection = { title: 'TUI: walk open and key-press redraw, 63 × 10,000 findings', run };
