/**
 * Runs many command lines in one separate node process (the CLI bundled with esbuild, as the
 * concurrency test does), so that a command which hangs on its input is killed at `timeoutMs`
 * instead of blocking the test worker.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { bundleForChildProcess, removeBundle } from '../helpers/bundle.js';

export interface CaseRun {
  code: number | string;
  out: string;
  err: string;
  ms: number;
}

let bundleDir = '';

/** Bundles the case runner; returns a function that removes the bundle again. */
export async function bundleCaseRunner(): Promise<() => void> {
  bundleDir = await bundleForChildProcess(['test', 'import', 'cli-cases.ts'], 'assay-input-test');
  return () => removeBundle(bundleDir);
}

function runOnce(cases: string[][], timeoutMs: number): Promise<{ runs: CaseRun[]; timedOut: boolean }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(bundleDir, 'cli-cases.mjs'), JSON.stringify(cases)],
      { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_ENV: 'production' } },
      (error, stdout) => {
        const runs = stdout
          .split('\n')
          .filter((line) => line !== '')
          .map((line) => JSON.parse(line) as CaseRun);
        resolve({ runs, timedOut: error !== null && (error as { killed?: boolean }).killed === true });
      },
    );
  });
}

/**
 * The run of each case, in order; `'hung'` for a case still running when its process was killed
 * after `timeoutMs`. The cases after a hung one go on in a fresh process, so each is judged alone.
 */
export async function runCases(cases: string[][], timeoutMs: number): Promise<(CaseRun | 'hung')[]> {
  const results: (CaseRun | 'hung')[] = [];
  while (results.length < cases.length) {
    const { runs, timedOut } = await runOnce(cases.slice(results.length), timeoutMs);
    results.push(...runs);
    if (results.length < cases.length) {
      if (!timedOut) throw new Error(`the case runner stopped after ${results.length} of ${cases.length} cases without a timeout`);
      results.push('hung');
    }
  }
  return results;
}
