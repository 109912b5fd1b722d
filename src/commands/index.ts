import type { Command } from 'commander';
import type { ExitCode, Io } from '../cli.js';
import { registerCatalog } from './catalog.js';
import { registerNew } from './new.js';
import { registerDecide } from './decide.js';
import { registerHistory } from './history.js';
import { registerAttach } from './attach.js';
import { registerDetach } from './detach.js';
import { registerScan } from './scan.js';
import { registerList } from './list.js';
import { registerImport } from './import.js';
import { registerDrift } from './drift.js';
import { registerExport } from './export.js';
import { registerSecrets } from './secrets.js';
import { registerVerify } from './verify.js';
import { registerKeygen } from './keygen.js';
import { registerCollect } from './collect.js';
import { registerCollectScript } from './collect-script.js';
import { registerTui } from './tui.js';

/** Each command lives in its own file and registers itself here. */
export function registerCommands(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  registerCatalog(program, io, setExit);
  registerNew(program, io, setExit);
  registerDecide(program, io, setExit);
  registerHistory(program, io, setExit);
  registerAttach(program, io, setExit);
  registerDetach(program, io, setExit);
  registerScan(program, io, setExit);
  registerList(program, io, setExit);
  registerImport(program, io, setExit);
  registerDrift(program, io, setExit);
  registerExport(program, io, setExit);
  registerSecrets(program, io, setExit);
  registerVerify(program, io, setExit);
  registerKeygen(program, io, setExit);
  registerCollect(program, io, setExit);
  registerCollectScript(program, io, setExit);
  registerTui(program, io, setExit);
}
