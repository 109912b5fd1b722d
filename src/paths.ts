import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package root holds package.json; code runs from src/ (tests) or dist/src/ (built).
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('assay: cannot find its package.json');
    dir = parent;
  }
  return dir;
}

const ROOT = findRoot();

/** A file shipped with the package, by its path from the package root. */
export function packagePath(...parts: string[]): string {
  return join(ROOT, ...parts);
}
