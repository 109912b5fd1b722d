/**
 * A child-process entry for tests whose failure mode is a hang (a FIFO, /dev/zero): runs each
 * command line of argv[2] (a JSON list of argv lists) in-process, one JSON line per finished
 * case, so the parent can bound the whole run with a timeout and tell which case hung.
 */
import { runCli } from '../../src/cli.js';

const cases = JSON.parse(process.argv[2] ?? '[]') as string[][];
for (const argv of cases) {
  let out = '';
  let err = '';
  const started = Date.now();
  let code: number | string;
  try {
    code = await runCli(argv, { out: (text) => void (out += text), err: (text) => void (err += text) });
  } catch (error) {
    code = 'uncaught exception';
    err += (error as Error).stack ?? String(error);
  }
  process.stdout.write(`${JSON.stringify({ code, out, err, ms: Date.now() - started })}\n`);
}
