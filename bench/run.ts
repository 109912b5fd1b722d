/**
 * `npm run bench`: runs every section in its own Node process (so each peak RSS is its own),
 * prints the figures, and exits 1 when a target is missed.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { meetsTarget, type BenchSection, type Measurement } from './section.js';

/** Sections by name, loaded only in the process that runs them. Add yours here. */
const SECTIONS: Record<string, () => Promise<BenchSection>> = {
  collect: async () => (await import('./collect.js')).collectBench,
  tui: async () => (await import('./tui.js')).tuiBench,
  export: async () => (await import('./export.js')).exportBench,
};

interface SectionReport {
  title: string;
  measurements: Measurement[];
}

function format(m: Measurement): string {
  const value = m.value.toLocaleString('en-US', { maximumFractionDigits: m.digits ?? 2, minimumFractionDigits: m.digits ?? 2 });
  const target = m.target ? `  target ${m.target.strict ? '<' : '≤'} ${m.target.max} ${meetsTarget(m) ? 'ok' : 'MISSED'}` : '';
  const note = m.note ? `  (${m.note})` : '';
  return `  ${m.name.padEnd(26)} ${`${value} ${m.unit}`.trim().padEnd(20)}${target}${note}`;
}

async function runSection(name: string): Promise<void> {
  const load = SECTIONS[name];
  if (!load) throw new Error(`bench: no section "${name}"`);
  const section = await load();
  const report: SectionReport = { title: section.title, measurements: await section.run() };
  process.send?.(report);
}

function runInChild(name: string): Promise<SectionReport> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--section', name], { execArgv: process.execArgv });
    let report: SectionReport | undefined;
    child.on('message', (message) => (report = message as SectionReport));
    child.on('error', reject);
    child.on('exit', (code) => (report && code === 0 ? resolve(report) : reject(new Error(`bench section "${name}" exited with ${code}`))));
  });
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--section');
  if (at >= 0) return runSection(process.argv[at + 1] ?? '');
  let missed = 0;
  for (const name of Object.keys(SECTIONS)) {
    const report = await runInChild(name);
    console.log(`\n${name} — ${report.title}`);
    for (const m of report.measurements) {
      console.log(format(m));
      if (!meetsTarget(m)) missed++;
    }
  }
  if (missed > 0) {
    console.log(`\n${missed} target${missed > 1 ? 's' : ''} missed`);
    process.exitCode = 1;
  }
}

await main();
