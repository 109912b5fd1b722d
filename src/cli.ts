import { Command, CommanderError } from 'commander';
import { InputError } from './errors.js';
import { registerCommands } from './commands/index.js';
import { TOOL_VERSION } from './version.js';

/** Where command output goes; tests capture it instead of the process streams. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/**
 * A command's result: the exit code (0 ok, 1 findings where the command says so, 2 bad input,
 * 3 a pack that is intact but whose signer `verify` did not establish).
 */
export type ExitCode = 0 | 1 | 2 | 3;

export function buildProgram(io: Io, setExit: (code: ExitCode) => void): Command {
  const program = new Command('assay')
    .description('Assess an AWS account against the CIS AWS Foundations Benchmark v6.0.0 and export a verifiable evidence pack')
    .version(TOOL_VERSION)
    .option('--db <path>', 'the assessment database (default $ASSAY_DB or the platform data folder)')
    .option('--assessor <name>', 'who is recorded as making changes (default $ASSAY_ASSESSOR or the OS user)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError();
  registerCommands(program, io, setExit);
  return program;
}

/** Runs one command line; returns the exit code instead of exiting, so tests can call it. */
export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  let exit: ExitCode = 0;
  const program = buildProgram(io, (code) => {
    exit = code;
  });
  if (argv.length === 0) argv = ['tui'];
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exit;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof InputError) {
      io.err(`assay: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
}
