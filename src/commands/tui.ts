import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync } from 'node:fs';
import { homedir, platform, tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import type { TuiDeps } from '../../views/deps.js';
import type { ExitCode, Io } from '../cli.js';
import type { AssayService, OpenOptions } from '../service.js';

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
    packFolder: join(homedir(), 'assay-packs'),
    signKey: defaultSigningKey(service.dbPath),
    extractAttachment: (sha256, name) => extractAttachment(service, sha256, name),
    detachEvidence: (assessmentId, recId, sha256OrPrefix, reason) => void service.detachEvidence(assessmentId, recId, sha256OrPrefix, reason),
    openWithViewer,
    async importScanner(assessmentId, path) {
      const [{ readScannerFile, describeImport }, { applyImport, describeStored }] = await Promise.all([import('../import/index.js'), import('../import/apply.js')]);
      // Parsed before anything is stored: a bad file changes nothing.
      const applied = applyImport(service, assessmentId, readScannerFile(path));
      return { summary: describeImport(applied.outcome), stored: describeStored(applied, assessmentId), warnings: applied.warnings };
    },
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
    async exportPack(assessmentId, outPath, { onProgress, signal, signKey }) {
      const { exportPack } = await import('../../evidence/export.js');
      return exportPack(service, assessmentId, outPath, {
        signal,
        ...(signKey ? { signKey } : {}),
        onProgress: (p) => onProgress({ done: p.done, total: p.total, current: p.file }),
      });
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

/** The key the export screen offers: `assessor.key` beside the database (`assay keygen --out` that path). */
export function defaultSigningKey(dbPath: string): string {
  return join(dirname(dbPath), 'assessor.key');
}

/**
 * A copy of an attachment's bytes in a fresh private folder, under its own name made safe
 * (no folders, no leading dot), readable by the owner only and never executable.
 */
async function extractAttachment(service: Pick<AssayService, 'openEvidence'>, sha256: string, name: string): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'assay-attachment-'));
  const safeName = basename(name).replace(/[^\w.\- ]+/g, '_').replace(/^\.+/, '') || sha256.slice(0, 16);
  const path = join(folder, safeName);
  await pipeline(service.openEvidence(sha256), createWriteStream(path, { mode: 0o600, flags: 'wx' }));
  return path;
}

const VIEWERS: Partial<Record<NodeJS.Platform, string>> = { darwin: 'open', linux: 'xdg-open', freebsd: 'xdg-open', openbsd: 'xdg-open' };

/** Hands the file to the desktop's viewer, detached; undefined when this system has none on PATH. */
function openWithViewer(path: string): string | undefined {
  const viewer = VIEWERS[platform()];
  const onPath = viewer && (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, viewer)));
  if (!viewer || !onPath) return undefined;
  const child = spawn(viewer, [path], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
  return viewer;
}
