// `npm start`: rebuild only when a source is newer than the last build, then run the CLI in this
// process. A no-change `tsc --incremental` still costs seconds; comparing modification times costs milliseconds.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['src', 'views', 'checks', 'evidence', 'bench'];
const CONFIGS = ['package.json', 'tsconfig.json', 'tsconfig.build.json'];
const BUILT = join(root, 'dist', '.tsbuildinfo');

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Newest modification time under a folder; folders count too, so a deleted file is a change. */
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

const built = mtime(BUILT);
const main = join(root, 'dist', 'src', 'main.js');
const stale =
  built === undefined ||
  mtime(main) === undefined ||
  [...SOURCES, ...CONFIGS].some((name) => newest(join(root, name)) > built);
if (stale) {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  // tsc leaves its build info untouched when nothing changed; mark the check as done.
  const now = new Date();
  utimesSync(BUILT, now, now);
}
await import(pathToFileURL(main).href);
