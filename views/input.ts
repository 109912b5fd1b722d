/**
 * The TUI's one reader of the terminal. It takes stdin itself instead of Ink's `useInput`, whose
 * parser merges keys of one read, drops bursts and crashes on escape sequences inside a paste:
 * here every key of a read is its own press, in order, and a bracketed paste is one press.
 */
import { useApp, useStdin } from 'ink';
import { useEffect, useRef } from 'react';
import { createKeyReader, type KeyPress } from './keys.js';

/** How long a cut-off escape sequence waits for its end before it counts as esc and keys. */
const ESCAPE_WAIT_MS = 50;

/** Calls `onPress` for each key press; an error thrown by it ends the App (and restores the terminal). */
export function useKeyPresses(onPress: (press: KeyPress) => void): void {
  const { stdin, isRawModeSupported } = useStdin();
  const { exit } = useApp();
  const latest = useRef(onPress);
  latest.current = onPress;
  useEffect(() => {
    const reader = createKeyReader();
    let timer: NodeJS.Timeout | undefined;
    const deliver = (presses: KeyPress[]) => {
      try {
        for (const press of presses) latest.current(press);
      } catch (err) {
        exit(err instanceof Error ? err : new Error(String(err)));
      }
    };
    const onData = (data: string | Buffer) => {
      clearTimeout(timer);
      deliver(reader.push(typeof data === 'string' ? data : data.toString('utf8')));
      if (reader.holding()) timer = setTimeout(() => deliver(reader.flush()), ESCAPE_WAIT_MS);
    };
    stdin.setEncoding('utf8');
    if (isRawModeSupported) stdin.setRawMode(true);
    stdin.on('data', onData);
    return () => {
      clearTimeout(timer);
      stdin.off('data', onData);
      if (isRawModeSupported) stdin.setRawMode(false);
      stdin.pause();
    };
  }, [stdin, isRawModeSupported, exit]);
}
