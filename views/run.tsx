/**
 * Starts the TUI in a real terminal. Imported only after `assay` has decided it has a TTY, so the
 * commands never load Ink or React.
 */
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

/** Runs until the user quits; resolves when Ink has restored the terminal. */
export async function runTui(deps: TuiDeps): Promise<void> {
  const instance = render(<TerminalApp deps={deps} />, { exitOnCtrlC: false, patchConsole: true });
  await instance.waitUntilExit();
}
