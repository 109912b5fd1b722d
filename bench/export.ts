/**
 * Evidence pack with 1 GiB of attachments: export and verify, each in its own process so that
 * its peak RSS is its own (the setup that fills the database does not count). Target: the export
 * stays under 200 MB resident however large the attachments are.
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadDemoSnapshot } from '../src/demo.js';
import { AssayService } from '../src/service.js';
import { exportPack } from '../evidence/export.js';
import { verifyPack } from '../evidence/verify.js';
import type { BenchSection, Measurement } from './section.js';

const MIB = 1024 * 1024;
const FILES = 16;
const FILE_MIB = 64;
const CHILD_FLAG = '--evidence-bench-child';

interface ChildReport {
  seconds: number;
  peakRssMb: number;
  bytes?: number;
  ok?: boolean;
}

/**
 * Half the files are "screenshots" (random bytes, stored as they are), half are "logs" (text
 * that deflates), so both paths through the zip writer are measured.
 */
function writeAttachment(path: string, mib: number, kind: 'png' | 'log'): void {
  const fd = openSync(path, 'w');
  try {
    for (let i = 0; i < mib; i++) {
      const random = randomBytes(MIB);
      writeSync(fd, kind === 'png' ? random : Buffer.from(random.toString('hex').slice(0, MIB), 'latin1'));
    }
  } finally {
    closeSync(fd);
  }
}

function runChild(args: string[]): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, ...args], { execArgv: [] });
    let report: ChildReport | undefined;
    child.on('message', (message) => (report = message as ChildReport));
    child.on('error', reject);
    child.on('exit', (code) => (report && code === 0 ? resolve(report) : reject(new Error(`evidence bench child ${args[0]} exited with ${code}`))));
  });
}

async function child(args: string[]): Promise<void> {
  const [operation, dbPath, id, zip] = args;
  const started = performance.now();
  let report: ChildReport;
  if (operation === 'export') {
    const service = AssayService.open({ dbPath: dbPath!, actor: 'bench' });
    try {
      const result = await exportPack(service, Number(id), zip!);
      report = { seconds: (performance.now() - started) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024, bytes: result.bytes };
    } finally {
      service.close();
    }
  } else {
    const result = await verifyPack(zip!);
    report = { seconds: (performance.now() - started) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024, ok: result.ok };
  }
  process.send?.(report);
}

/** Builds the 1 GiB assessment, exports it and verifies the pack; for bench/run.ts's SECTIONS. */
export const exportBench: BenchSection = {
  title: `evidence pack: ${FILES} attachments of ${FILE_MIB} MiB (${(FILES * FILE_MIB) / 1024} GiB), export and verify`,
  async run(): Promise<Measurement[]> {
    const dir = mkdtempSync(join(tmpdir(), 'assay-bench-pack-'));
    try {
      const dbPath = join(dir, 'assay.db');
      const service = AssayService.open({ dbPath, actor: 'bench' });
      let id: number;
      try {
        id = service.createAssessment({ name: 'bench', source: 'demo', snapshot: loadDemoSnapshot() }).id;
        for (let i = 0; i < FILES; i++) {
          const kind = i % 2 === 0 ? 'png' : 'log';
          const file = join(dir, `attachment-${i}.${kind}`);
          writeAttachment(file, FILE_MIB, kind);
          service.attach(id, '2.9', file);
          rmSync(file);
        }
      } finally {
        service.close();
      }
      const zip = join(dir, 'pack.zip');
      const exported = await runChild(['export', dbPath, String(id), zip]);
      const verified = await runChild(['verify', dbPath, String(id), zip]);
      const attached = FILES * FILE_MIB;
      return [
        { name: 'export wall time', value: exported.seconds, unit: 's', note: `${(attached / exported.seconds).toFixed(0)} MiB/s of attachments` },
        { name: 'export peak RSS', value: exported.peakRssMb, unit: 'MB', digits: 0, target: { max: 200, strict: true }, note: 'the exporting process alone' },
        { name: 'pack size', value: statSync(zip).size / MIB, unit: 'MiB', digits: 0 },
        { name: 'verify wall time', value: verified.seconds, unit: 's', note: verified.ok ? 'pack intact' : 'verify reported problems' },
        { name: 'verify peak RSS', value: verified.peakRssMb, unit: 'MB', digits: 0, target: { max: 200, strict: true } },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

if (process.argv[2] === CHILD_FLAG) await child(process.argv.slice(3));
