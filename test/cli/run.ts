import { runCli } from '../../src/cli.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs one command line in-process and captures what it prints. */
export async function cli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (text) => void (out += text), err: (text) => void (err += text) });
  return { code, out, err };
}
