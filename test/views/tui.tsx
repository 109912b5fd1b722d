/**
 * The shared helper of the TUI tests: the real App over a temporary database, driven by key
 * presses, read as plain frames. Waits follow the Ink traps in STYLE.md: keys only after the
 * input hooks are live, frames polled (a write shows up a couple of event-loop turns later).
 * Each TUI is closed (unmounted, its temporary directory removed) when its test finishes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink-testing-library';
import { onTestFinished } from 'vitest';
import { buildTuiDeps } from '../../src/commands/tui.js';
import { loadDemoSnapshot } from '../../src/demo.js';
import type { AssayService } from '../../src/service.js';
import type { Snapshot } from '../../src/snapshot.js';
import { App } from '../../views/app.js';
import type { TuiDeps } from '../../views/deps.js';

/** The day the tests live on: five days after the demo account was collected. */
export const TODAY = new Date('2026-11-25T12:00:00Z');

const SEQUENCES: Record<string, string> = {
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  pgdn: '\u001b[6~',
  pgup: '\u001b[5~',
  enter: '\r',
  esc: '\u001b',
  tab: '\t',
  'shift-tab': '\u001b[Z',
  space: ' ',
  backspace: '\u007f',
  'ctrl-s': '\u0013',
  'ctrl-c': '\u0003',
  'ctrl-u': '\u0015',
};

export function plain(frame: string | undefined): string {
  return stripVTControlCharacters(frame ?? '');
}

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Tui {
  deps: TuiDeps;
  service: AssayService;
  dir: string;
  dbPath: string;
  quits: number;
  /** The last frame, without escape codes. */
  frame(): string;
  /** Named keys (`down`, `enter`, `esc`, `tab`, `ctrl-s`…) or single characters, one write each. */
  press(...keys: string[]): Promise<void>;
  /** Text as one write, as a paste or fast typing arrives. */
  type(text: string): Promise<void>;
  /** Polls until the frame contains `text` (or `test` holds); fails naming what it saw. */
  waitFor(test: string | RegExp | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
  resize(width: number, height: number): void;
  /** Unmounts and starts the App again on the same database (as a restart would). */
  restart(): Promise<void>;
}

export interface TuiOptions {
  width?: number;
  height?: number;
  /** Runs on the service before the App starts (create assessments, decide). */
  seed?: (service: AssayService, dir: string) => void;
  dir?: string;
  /** Replaces parts of the real wiring (a fake live collector). */
  deps?: Partial<TuiDeps>;
}

export async function startTui(options: TuiOptions = {}): Promise<Tui> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'assay-tui-'));
  const dbPath = join(dir, 'assay.db');
  const built = await buildTuiDeps({ dbPath, actor: 'test-assessor', now: () => TODAY });
  // Packs and keys go to the test's folder, never the home folder.
  const deps: TuiDeps = { ...built.deps, cwd: dir, packFolder: dir, signKey: join(dir, 'assessor.key'), ...options.deps };
  const service = deps.service as AssayService;
  options.seed?.(service, dir);
  let width = options.width ?? 80;
  let height = options.height ?? 24;
  let quits = 0;
  const mount = () =>
    render(
      <App
        deps={deps}
        width={width}
        height={height}
        color={false}
        onQuit={() => {
          quits++;
        }}
      />,
    );
  let instance = mount();
  onTestFinished(() => {
    instance.unmount();
    built.close();
    if (!options.dir) rmSync(dir, { recursive: true, force: true });
  });
  const ready = async () => {
    await waitFor((f) => f.trim().length > 0);
    // Input effects run after the first frame; keys written before them are lost.
    await tick(20);
  };
  const frame = () => plain(instance.lastFrame());
  const waitFor: Tui['waitFor'] = async (test, timeoutMs = 4000) => {
    const matches = typeof test === 'function' ? test : (f: string) => (typeof test === 'string' ? f.includes(test) : test.test(f));
    const until = Date.now() + timeoutMs;
    for (;;) {
      const f = frame();
      if (matches(f)) return f;
      if (Date.now() > until) throw new Error(`waited ${timeoutMs} ms for ${typeof test === 'function' ? 'a frame passing the test' : JSON.stringify(String(test))}; last frame:\n${f}`);
      await tick(10);
    }
  };
  await ready();
  const tui: Tui = {
    deps,
    service,
    dir,
    dbPath,
    get quits() {
      return quits;
    },
    frame,
    async press(...keys) {
      for (const key of keys) {
        instance.stdin.write(SEQUENCES[key] ?? key);
        // A lone esc waits one turn for a sequence to follow; every key gets a few turns.
        await tick(key === 'esc' ? 25 : 8);
      }
    },
    async type(text) {
      instance.stdin.write(text);
      await tick(10);
    },
    waitFor,
    resize(w, h) {
      width = w;
      height = h;
      instance.rerender(<App deps={deps} width={width} height={height} color={false} onQuit={() => quits++} />);
    },
    async restart() {
      instance.unmount();
      instance = mount();
      await ready();
    },
  };
  return tui;
}

/** Creates the demo assessment through the service and returns its id. */
export function seedDemo(service: AssayService, name = 'Northwind demo'): number {
  return service.createAssessment({ name, source: 'demo', snapshot: loadDemoSnapshot() }).id;
}

/** The demo assessment opened in the walk, its cursor on the first row. */
export async function openDemoWalk(): Promise<{ tui: Tui; id: number }> {
  let id = 0;
  const tui = await startTui({ seed: (service) => (id = seedDemo(service)) });
  await tui.waitFor('Northwind demo');
  await tui.press('enter');
  await tui.waitFor('0/63 decided');
  return { tui, id };
}

/** The walk's line for one recommendation; fails showing the frame when it is not there. */
export function rowOf(frame: string, recId: string): string {
  const line = frame.split('\n').find((l) => new RegExp(`^[▸ ][● ]${recId.replace(/\./g, '\\.')}\\s`).test(l));
  if (!line) throw new Error(`no row ${recId} in the frame:\n${frame}`);
  return line;
}

/** The demo account with a weaker password policy (minimum length 8): 2.7 fails on it. */
export function weakPasswordDemo(): Snapshot {
  const demo = loadDemoSnapshot();
  return {
    ...demo,
    calls: demo.calls.map((c) =>
      c.operation === 'GetAccountPasswordPolicy' && c.output
        ? { ...c, output: { PasswordPolicy: { ...(c.output as { PasswordPolicy: object }).PasswordPolicy, MinimumPasswordLength: 8 } } }
        : c,
    ),
  };
}
