import type { Command } from 'commander';
import type { ExitCode, Io } from '../cli.js';
import { jsonText } from './common.js';
import { verifyPack, type VerifyReport } from '../../evidence/verify.js';

function signatureText(report: VerifyReport): string {
  const s = report.signature;
  if (s.state === 'verified') return `signature verified (key ${s.keyId})`;
  if (s.state === 'not checked') return `signed by key ${s.keyId ?? 'unknown'}, signature not checked (give --pubkey)`;
  if (s.state === 'unsigned') return 'not signed';
  return 'signature INVALID';
}

export function describeReport(zipPath: string, report: VerifyReport): string {
  if (report.ok) {
    const m = report.manifest!;
    return (
      `intact: ${zipPath} — ${report.entries} files match manifest.json and SHA256SUMS, history chain of ${report.historyEvents} event${report.historyEvents === 1 ? '' : 's'} intact, ` +
      `${signatureText(report)}; assessment ${m.assessmentId}, account ${m.account || 'unknown'}, as of ${m.exportedAt}\n`
    );
  }
  const lines = report.problems.map((p) => `${p.kind}: ${p.path ? `${p.path}: ` : ''}${p.detail}\n`);
  const count = report.problems.length;
  return `${lines.join('')}NOT intact: ${zipPath} — ${count} problem${count === 1 ? '' : 's'}\n`;
}

export function registerVerify(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command('verify')
    .description('check an evidence pack: every file against manifest.json and SHA256SUMS, the decision history chain, and the signature; exit 1 if anything is wrong')
    .argument('<pack>', 'the pack (zip) to check')
    .option('--pubkey <key>', 'the signer\'s minisign public key (KEY.pub); the signature is checked only with it')
    .option('--json', 'machine-readable output')
    .action(async (zipPath: string, options: { pubkey?: string; json?: boolean }) => {
      const report = await verifyPack(zipPath, options.pubkey ? { pubkey: options.pubkey } : {});
      if (options.json) {
        const { manifest, ...rest } = report;
        io.out(jsonText({ ...rest, ...(manifest ? { assessmentId: manifest.assessmentId, account: manifest.account, exportedAt: manifest.exportedAt } : {}) }));
      } else {
        io.out(describeReport(zipPath, report));
      }
      if (!report.ok) setExit(1);
    });
}
