/**
 * Starts the TUI in a real terminal. Imported only after `assay` has decided it has a TTY, so the
 * commands never load Ink or React.
 */
import { constants } from 'node:os';
import { render, useStdout } from 'ink';
import { useEffect, useState } from 'react';
import { App } from './app.js';
import type { TuiDeps } from './deps.js';
import { colorEnabled } from './theme.js';

interface TerminalSize {
  width: number;
  height: number;
}

function sizeOf(stdout: NodeJS.WriteStream): TerminalSize {
  return { width: stdout.columns || 80, height: stdout.rows || 24 };
}

/** Ink 6 has no window-size hook: follow the terminal's `resize` events. */
function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  useEffect(() => {
    const onResize = () => setSize(sizeOf(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

function TerminalApp({ deps }: { deps: TuiDeps }) {
  const { width, height } = useTerminalSize();
  return <App deps={deps} width={width} height={height} color={colorEnabled()} />;
}

/** The alternate screen (the shell's screen comes back untouched on exit) and bracketed paste. */
const ENTER_TERMINAL = '\u001b[?1049h\u001b[?2004h';
const LEAVE_TERMINAL = '\u001b[?2004l\u001b[?1049l';
const FATAL_SIGNALS = ['SIGTERM', 'SIGHUP'] as const;

/**
 * Runs until the user quits; resolves when Ink has restored the terminal. Every way out (quit,
 * ctrl-c, an error, a signal, `process.exit`) switches bracketed paste off and leaves the alternate screen.
 */
export async function runTui(deps: TuiDeps): Promise<void> {
  const stdout = process.stdout;
  let inside = true;
  const leave = () => {
    if (!inside) return;
    inside = false;
    stdout.write(LEAVE_TERMINAL);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    leave();
    process.exit(128 + constants.signals[signal]);
  };
  stdout.write(ENTER_TERMINAL);
  process.on('exit', leave);
  for (const signal of FATAL_SIGNALS) process.on(signal, onSignal);
  try {
    const instance = render(<TerminalApp deps={deps} />, { exitOnCtrlC: false, patchConsole: true });
    await instance.waitUntilExit();
  } finally {
    leave();
    process.off('exit', leave);
    for (const signal of FATAL_SIGNALS) process.off(signal, onSignal);
  }
}
