/**
 * The built TUI in a real terminal: `node dist/src/main.js` inside a private tmux server (its own
 * socket in a temporary folder, no config file), driven by tmux's own key sending and pasting,
 * read back with `capture-pane`. What ink-testing-library cannot show shows here: the terminal's
 * modes (raw input, bracketed paste), bursts arriving in one read, a real process that dies.
 * Each terminal is stopped (server killed, folder removed) when its test finishes, failed or not.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The entry the `assay` bin points at. */
export const BUILT_MAIN = join(ROOT, 'dist', 'src', 'main.js');
/** The tmux session every terminal runs its one pane in. */
const SESSION = 'assay';
const POLL_MS = 40;

/** Fails with what to install when tmux is missing: these tests must not pass by not running. */
export function requireTmux(): void {
  const probe = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('the terminal tests drive the TUI inside tmux, which is not installed or does not run (apt-get install tmux)');
  }
}

/**
 * Builds dist/ when a source is newer than the last build, with `npm start`'s own check
 * (scripts/start.mjs rebuilds only when stale, then runs the CLI: here just `--version`).
 */
export function ensureBuilt(): void {
  const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--version'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`building dist/ for the terminal tests failed (exit ${run.status}):\n${run.stdout}${run.stderr}`);
}

/** Runs the built CLI on a database and returns what it printed; fails with its error output. */
export function runAssay(dbPath: string, ...args: string[]): string {
  const run = spawnSync(process.execPath, [BUILT_MAIN, '--db', dbPath, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ASSAY_ASSESSOR: 'terminal-tester' } });
  if (run.status !== 0) throw new Error(`assay ${args.join(' ')} exited ${run.status}:\n${run.stderr}`);
  return run.stdout;
}

export interface TerminalOptions {
  width?: number;
  height?: number;
  /** Who the TUI records as deciding ($ASSAY_ASSESSOR). */
  assessor?: string;
  /** Runs before the TUI starts, on the database it will open (create an assessment with `runAssay`). */
  prepare?: (dbPath: string) => void;
}

export interface Terminal {
  readonly dir: string;
  readonly dbPath: string;
  /** tmux key names (`Tab`, `BSpace`, `Enter`, `C-s`, `Space`, `Escape`, `Down`, `j`), all in one send-keys call. */
  sendKeys(...keys: string[]): void;
  /** Text typed as it is (`send-keys -l`), in one call. */
  typeText(text: string): void;
  /** Exactly these bytes (UTF-8), in one call: a burst the application reads at once. */
  sendRaw(bytes: string): void;
  /** Pastes through a tmux buffer; bracketed (`ESC[200~ … ESC[201~`) only if the application turned bracketed paste on. */
  paste(text: string): void;
  /** The screen as plain text, one line per row. */
  capture(): string;
  /** Polls the screen until it contains `test` (or matches it); fails showing the last screen. */
  waitFor(test: string | RegExp, timeoutMs?: number): Promise<string>;
  /** The TUI's exit status once its process has ended; undefined while it runs. */
  exitStatus(): number | undefined;
  waitForExit(timeoutMs?: number): Promise<number>;
  /** Starts the TUI again in the same pane, on the same database, and waits for its first screen. */
  restart(): Promise<void>;
  /** Kills the tmux server (and the TUI with it) and removes the folder; safe to call twice. */
  stop(): void;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function startTerminal(options: TerminalOptions = {}): Promise<Terminal> {
  const dir = mkdtempSync(join(tmpdir(), 'assay-term-'));
  const dbPath = join(dir, 'assay.db');
  const socket = join(dir, 'tmux.sock');
  let stopped = false;
  // The server takes its environment from the client that starts it: a clean one, so nothing of
  // the test runner (NODE_ENV=test, VITEST…) reaches the TUI. HOME is the test's folder.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, LANG: 'C.UTF-8', ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}) };
  const tmux = (...args: string[]): string => {
    const run = spawnSync('tmux', ['-S', socket, '-f', '/dev/null', ...args], { env, encoding: 'utf8' });
    if (run.error) throw new Error(`tmux ${args[0]} could not run: ${run.error.message}`);
    if (run.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${run.stderr.trim()}`);
    return run.stdout;
  };
  const stop = () => {
    if (stopped) return;
    stopped = true;
    spawnSync('tmux', ['-S', socket, 'kill-server'], { env });
    rmSync(dir, { recursive: true, force: true });
  };
  onTestFinished(stop);

  options.prepare?.(dbPath);
  // The exit status goes to a file: tmux 3.3 loses a pane's status when the pty's end is seen
  // before the child's exit.
  const statusFile = join(dir, 'exit-status');
  const command = ['sh', '-c', '"$@"; echo $? > "$0"', statusFile, process.execPath, BUILT_MAIN, '--db', dbPath];
  // Options first, in the same client call: the pane stays after the TUI ends (its last screen
  // can be read), and announces the terminal type an xterm user has.
  tmux(
    'start-server',
    ';',
    'set-option',
    '-g',
    'default-terminal',
    'xterm-256color',
    ';',
    'set-option',
    '-g',
    'remain-on-exit',
    'on',
    ';',
    'new-session',
    '-d',
    '-s',
    SESSION,
    '-x',
    String(options.width ?? 120),
    '-y',
    String(options.height ?? 40),
    '-e',
    `ASSAY_ASSESSOR=${options.assessor ?? 'terminal-tester'}`,
    ...command,
  );

  const exitStatus = (): number | undefined => {
    const status = existsSync(statusFile) ? readFileSync(statusFile, 'utf8').trim() : '';
    return status ? Number(status) : undefined;
  };
  const capture = () => tmux('capture-pane', '-p', '-t', SESSION).replace(/\n+$/, '');
  const poll = async <T>(what: string, timeoutMs: number, check: () => T | undefined): Promise<T> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = check();
      if (found !== undefined) return found;
      if (Date.now() > until) throw new Error(`waited ${timeoutMs} ms for ${what}; the TUI ${exitStatus() === undefined ? 'runs' : `exited ${exitStatus()}`}, its screen:\n${capture()}`);
      await sleep(POLL_MS);
    }
  };
  const waitForFirstScreen = async () => {
    await poll('the first screen', 10_000, () => (capture().trim() ? true : undefined));
    // The input hooks are set up right after the first frame is drawn.
    await sleep(100);
  };
  await waitForFirstScreen();

  return {
    dir,
    dbPath,
    sendKeys: (...keys) => void tmux('send-keys', '-t', SESSION, ...keys),
    typeText: (text) => void tmux('send-keys', '-t', SESSION, '-l', text),
    sendRaw: (bytes) => void tmux('send-keys', '-t', SESSION, '-H', ...[...Buffer.from(bytes, 'utf8')].map((b) => b.toString(16).padStart(2, '0'))),
    paste(text) {
      // The text goes in through stdin, byte for byte; -p brackets it when the pane asked for that.
      execFileSync('tmux', ['-S', socket, 'load-buffer', '-b', 'paste', '-'], { env, input: text });
      tmux('paste-buffer', '-p', '-d', '-b', 'paste', '-t', SESSION);
    },
    capture,
    waitFor: (test, timeoutMs = 5000) =>
      poll(JSON.stringify(String(test)), timeoutMs, () => {
        const screen = capture();
        return (typeof test === 'string' ? screen.includes(test) : test.test(screen)) ? screen : undefined;
      }),
    exitStatus,
    waitForExit: (timeoutMs = 5000) => poll('the TUI to exit', timeoutMs, exitStatus),
    async restart() {
      rmSync(statusFile, { force: true });
      tmux('respawn-pane', '-k', '-t', SESSION, ...command);
      await waitForFirstScreen();
    },
    stop,
  };
}
