import type { Command } from 'commander';
import type { ExitCode, Io } from '../cli.js';
import { registerCatalog } from './catalog.js';
import { registerNew } from './new.js';
import { registerDecide } from './decide.js';
import { registerHistory } from './history.js';
import { registerAttach } from './attach.js';
import { registerScan } from './scan.js';
import { registerList } from './list.js';
import { registerImport } from './import.js';
import { registerDrift } from './drift.js';

/** Each command lives in its own file and registers itself here. */
export function registerCommands(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  registerCatalog(program, io, setExit);
  registerNew(program, io, setExit);
  registerDecide(program, io, setExit);
  registerHistory(program, io, setExit);
  registerAttach(program, io, setExit);
  registerScan(program, io, setExit);
  registerList(program, io, setExit);
  registerImport(program, io, setExit);
  registerDrift(program, io, setExit);
}
