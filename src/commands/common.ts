/** What the commands share: the service named by the global options, and JSON output. */
import type { Command } from 'commander';
import { AssayService } from '../service.js';

/** Runs `work` on the database and assessor the global `--db` and `--assessor` options name, closing it afterwards. */
export function withService<T>(command: Command, work: (service: AssayService) => T | Promise<T>): Promise<T> {
  const { db, assessor } = command.optsWithGlobals<{ db?: string; assessor?: string }>();
  return AssayService.using({ dbPath: db, actor: assessor }, work);
}

/** The `--json` output of a command: indented, one trailing newline. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
