/**
 * Scans snapshot files for the fuzz test in a separate process, so that a scan which hangs is
 * killed by the test instead of blocking it. Reads one file path a line on stdin and answers each
 * with one JSON line: the exit code and what was printed, or the exception that escaped.
 */
import { createInterface } from 'node:readline';
import { runCli } from '../../src/cli.js';

for await (const file of createInterface({ input: process.stdin })) {
  let out = '';
  let err = '';
  try {
    const code = await runCli(['scan', '--snapshot', file, '--json'], { out: (text) => void (out += text), err: (text) => void (err += text) });
    process.stdout.write(JSON.stringify({ code, out, err }) + '\n');
  } catch (error) {
    process.stdout.write(JSON.stringify({ code: 'uncaught', out, err, crash: String((error as Error).stack ?? error) }) + '\n');
  }
}
