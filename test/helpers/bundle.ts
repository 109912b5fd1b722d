import { mkdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { packagePath } from '../../src/paths.js';

/**
 * Bundles a test entry point for a separate node process. Its packages (better-sqlite3, commander, …)
 * resolve from the project and its data files from the package root, exactly as the installed tool
 * does; splitting keeps dynamic imports (the AWS collector) lazy, as they are in the compiled tool.
 * Returns the folder the bundle is in.
 */
export async function bundleForChildProcess(entry: string[], folderName: string): Promise<string> {
  const bundleDir = packagePath('node_modules', '.cache', `${folderName}-${process.pid}`);
  mkdirSync(bundleDir, { recursive: true });
  await build({
    entryPoints: [packagePath(...entry)],
    outdir: bundleDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  return bundleDir;
}

export function removeBundle(bundleDir: string): void {
  rmSync(bundleDir, { recursive: true, force: true });
}
