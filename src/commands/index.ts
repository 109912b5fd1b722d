import type { Command } from 'commander';
import type { ExitCode, Io } from '../cli.js';
import { registerCatalog } from './catalog.js';

/** Each command lives in its own file and registers itself here. */
export function registerCommands(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  registerCatalog(program, io, setExit);
}
