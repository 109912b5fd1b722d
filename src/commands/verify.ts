import type { Command } from 'commander';
import type { ExitCode, Io } from '../cli.js';
import { jsonText } from './common.js';
import { assayVerifyCommand } from '../../evidence/verify-commands.js';
import { verifyPack, type Trust, type VerifyReport } from '../../evidence/verify.js';

/** Only a pack that is intact and signed by the key the reviewer gave is a success. */
const EXIT_CODES: Record<Trust, ExitCode> = { 'signed-by-given-key': 0, 'signed-by-unchecked-key': 3, 'hashes-only': 3, none: 1 };

export function verifyExitCode(report: VerifyReport): ExitCode {
  return EXIT_CODES[report.trust];
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The first line for an intact pack (which always has its manifest): the verdict, what the hashes proved, and what the pack is of. */
function intactLine(verdict: string, packPath: string, report: VerifyReport, signatureNote = ''): string {
  const m = report.manifest!;
  return (
    `${verdict}: ${packPath} — ${plural(report.entries, 'file')} match manifest.json and SHA256SUMS, history chain of ${plural(report.historyEvents, 'event')} intact${signatureNote}; ` +
    `assessment ${m.assessmentId}, account ${m.account || 'unknown'}, as of ${m.exportedAt}\n`
  );
}

export function describeReport(packPath: string, report: VerifyReport): string {
  const keyId = report.signature.keyId;
  switch (report.trust) {
    case 'signed-by-given-key':
      return intactLine('intact and signed by the given key', packPath, report, `, signature verified (key ${keyId})`);
    case 'signed-by-unchecked-key':
      return (
        intactLine('hashes intact, signer NOT checked', packPath, report) +
        `signed by key ${keyId}, which was not checked: anyone can rebuild a pack and sign it with a key of their own.\n` +
        `To check it, get the assessor's public key (the KEY.pub that \`assay keygen --out KEY\` wrote) from them through another channel than the pack ` +
        `(if its key ID, on its first line, is not ${keyId}, they did not sign this pack) and run: ${assayVerifyCommand(packPath, 'KEY.pub')}\n`
      );
    case 'hashes-only':
      return (
        intactLine('hashes intact, NOT signed', packPath, report) +
        'the files agree with manifest.json and SHA256SUMS, but anyone could have changed them and rebuilt both: nothing shows who made this pack. ' +
        'Ask the assessor for a pack signed with `assay export --sign` and for their public key.\n'
      );
    case 'none': {
      const lines = report.problems.map((p) => `${p.kind}: ${p.path ? `${p.path}: ` : ''}${p.detail}\n`);
      const verdict = report.integrity === 'intact' ? 'hashes intact, signer NOT established' : 'NOT intact';
      return `${lines.join('')}${verdict}: ${packPath} — ${plural(report.problems.length, 'problem')}\n`;
    }
  }
}

export function registerVerify(program: Command, io: Io, setExit: (code: ExitCode) => void): void {
  program
    .command('verify')
    .description('check an evidence pack (its zip, or the folder it was extracted into): every file against manifest.json and SHA256SUMS, the decision history chain, and the signature')
    .argument('<pack>', 'the pack: its zip, or the folder it was extracted into (files there that SHA256SUMS does not list are reported)')
    .option('--pubkey <key>', "the assessor's minisign public key (the KEY.pub of `assay keygen --out KEY`), obtained from them, not from the pack; the signature is checked only with it")
    .option('--json', 'machine-readable output: integrity (intact|altered), signature.state (verified|not checked|unsigned|invalid) and keyId, trust, problems; ok is true only with exit status 0')
    .addHelpText(
      'after',
      `
Exit status:
  0  intact and signed by the key given with --pubkey
  1  a file is altered, missing or added, the history chain is broken, or the signature is invalid
  2  PACK or the key cannot be read
  3  intact, but the signer is not established: signed by a key that was not checked (no --pubkey), or not signed at all
`,
    )
    .action(async (packPath: string, options: { pubkey?: string; json?: boolean }) => {
      const report = await verifyPack(packPath, options.pubkey ? { pubkey: options.pubkey } : {});
      const code = verifyExitCode(report);
      if (options.json) {
        const { manifest, ok: _noProblems, ...rest } = report;
        io.out(jsonText({ ok: code === 0, ...rest, ...(manifest ? { assessmentId: manifest.assessmentId, account: manifest.account, exportedAt: manifest.exportedAt } : {}) }));
      } else {
        io.out(describeReport(packPath, report));
      }
      setExit(code);
    });
}
