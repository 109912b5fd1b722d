import type { Command } from 'commander';
import type { TuiDeps } from '../../views/deps.js';
import type { ExitCode, Io } from '../cli.js';
import type { OpenOptions } from '../service.js';

/** Without a terminal there is nothing to draw on: say what to run instead. */
export const NO_TTY_MESSAGE = `assay: not a terminal, so the interactive walk does not start.
The same work, one command at a time:
  assay new --name NAME --demo | --snapshot FILE    create an assessment (prints its id)
  assay list                                         assessments and their progress
  assay scan --snapshot FILE --assessment ID         evaluate a snapshot into an assessment
  assay decide ID REC --status ... --justification   record a decision
  assay attach ID REC FILE                           attach evidence
  assay export ID --out PACK.zip                     write the evidence pack
  assay --help                                       every command
`;

interface TuiOptions {
  keys?: boolean;
}

/** Whether both ends are a terminal; Ink's input needs raw mode on stdin. */
export function isInteractive(stdin: NodeJS.ReadStream = process.stdin, stdout: NodeJS.WriteStream = process.stdout): boolean {
  return stdin.isTTY === true && stdout.isTTY === true && typeof stdin.setRawMode === 'function';
}

export function registerTui(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    // The default: `assay --db x.db` opens the walk like `assay` alone.
    .command('tui', { isDefault: true })
    .description('open the interactive walk: assessments, recommendations, decisions, evidence (the default without a command)')
    .option('--keys', 'print every key of the TUI as Markdown and exit')
    // As the default command it also receives mistyped command names: name them as such.
    .allowExcessArguments(true)
    .action(async (options: TuiOptions, command: Command) => {
      const [unknown] = command.args;
      if (unknown !== undefined) {
        io.err(`assay: unknown command "${unknown}"; see assay --help\n`);
        setExit(2);
        return;
      }
      if (options.keys) {
        // The key table has no Ink at run time; it prints without a terminal.
        const { keysMarkdown } = await import('../../views/keys.js');
        io.out(keysMarkdown());
        return;
      }
      // Decided before anything loads Ink or React: piped and CI runs get the commands instead.
      if (!isInteractive()) {
        io.err(NO_TTY_MESSAGE);
        setExit(2);
        return;
      }
      const { db, assessor } = command.optsWithGlobals<{ db?: string; assessor?: string }>();
      const { deps, close } = await buildTuiDeps({ dbPath: db, actor: assessor });
      try {
        const { runTui } = await import('../../views/run.js');
        await runTui(deps);
      } finally {
        close();
      }
    });
}

/**
 * What the TUI runs on: the service over the database, and the long work (collection, pack,
 * carry-forward, drift) loaded only when first used, so opening the walk stays quick.
 */
export async function buildTuiDeps(options: OpenOptions): Promise<{ deps: TuiDeps; close: () => void }> {
  const [{ AssayService }, { loadDemoSnapshot }, { readSnapshotFile }, { computeDrift }, { carryForward }] = await Promise.all([
    import('../service.js'),
    import('../demo.js'),
    import('../snapshot.js'),
    import('../drift.js'),
    import('../carry.js'),
  ]);
  const service = AssayService.open(options);
  const deps: TuiDeps = {
    service,
    dbPath: service.dbPath,
    today: options.now ?? (() => new Date()),
    cwd: process.cwd(),
    loadDemo: loadDemoSnapshot,
    readSnapshot: readSnapshotFile,
    async collect({ profile, regions, onProgress, onWarning, signal }) {
      const { collectSnapshot } = await import('../collect/collector.js');
      return collectSnapshot({
        ...(profile ? { profile } : {}),
        ...(regions.length > 0 ? { regions } : {}),
        signal,
        onWarning,
        onProgress: (p) => onProgress({ done: p.done, total: p.known, current: `${p.service} ${p.operation} ${p.region}` }),
      });
    },
    async exportPack(assessmentId, outPath, { onProgress, signal }) {
      const { exportPack } = await import('../../evidence/export.js');
      return exportPack(service, assessmentId, outPath, { signal, onProgress: (p) => onProgress({ done: p.done, total: p.total, current: p.file }) });
    },
    drift(assessmentId) {
      const current = service.getAssessment(assessmentId);
      if (current.carriedFrom === undefined) return [];
      return computeDrift(service.getResults(current.carriedFrom), service.getResults(assessmentId));
    },
    carryForward(fromId, name, data) {
      const outcome = carryForward(service, fromId, { name, source: data?.source ?? '', ...(data ? { snapshot: data.snapshot } : {}) }, { today: deps.today() });
      return { id: outcome.assessment.id, carried: outcome.carried.length, left: outcome.left.length };
    },
  };
  return { deps, close: () => service.close() };
}
