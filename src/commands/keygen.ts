import { chmodSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ExitCode, Io } from '../cli.js';
import { InputError } from '../errors.js';
import { generateKeyFiles } from '../../evidence/minisign.js';

function writeKeyFile(path: string, content: string, mode: number, force: boolean): void {
  try {
    writeFileSync(path, content, { mode, flag: force ? 'w' : 'wx' });
    // An existing file keeps its old mode when overwritten.
    chmodSync(path, mode);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new InputError(`${path} already exists; choose another --out or replace it with --force`);
    throw new InputError(`cannot write ${path} (${code ?? (err as Error).message})`);
  }
}

export function registerKeygen(program: Command, io: Io, _setExit: (code: ExitCode) => void): void {
  program
    .command('keygen')
    .description('make an Ed25519 key pair in minisign format for signing evidence packs (secret key unencrypted, mode 0600; public key KEY.pub)')
    .requiredOption('--out <key>', 'where to write the secret key; the public key goes to <key>.pub')
    .option('--force', 'replace existing key files')
    .action((options: { out: string; force?: boolean }) => {
      const keys = generateKeyFiles();
      const publicPath = `${options.out}.pub`;
      writeKeyFile(options.out, keys.secretKey, 0o600, options.force === true);
      writeKeyFile(publicPath, keys.publicKey, 0o644, options.force === true);
      io.out(`key id ${keys.keyId}\n`);
      io.out(`secret key: ${options.out} (not password-protected: keep it private; sign with assay export ID --out PACK.zip --sign ${options.out})\n`);
      io.out(`public key: ${publicPath} (give it to reviewers: assay verify PACK.zip --pubkey ${publicPath}, or minisign -V -p ${publicPath} -m SHA256SUMS)\n`);
    });
}
