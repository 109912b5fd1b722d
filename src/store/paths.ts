import { homedir, platform } from 'node:os';
import { join } from 'node:path';

/**
 * Where the database lives unless `--db` says otherwise: $ASSAY_DB, else the platform's per-user
 * data folder — $XDG_DATA_HOME or ~/.local/share on Linux, ~/Library/Application Support on
 * macOS, %APPDATA% on Windows — under `assay/assay.db`.
 */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, os: NodeJS.Platform = platform(), home: string = homedir()): string {
  if (env.ASSAY_DB) return env.ASSAY_DB;
  return join(dataFolder(env, os, home), 'assay', 'assay.db');
}

function dataFolder(env: NodeJS.ProcessEnv, os: NodeJS.Platform, home: string): string {
  if (os === 'win32') return env.APPDATA ?? join(home, 'AppData', 'Roaming');
  if (os === 'darwin') return join(home, 'Library', 'Application Support');
  return env.XDG_DATA_HOME || join(home, '.local', 'share');
}
