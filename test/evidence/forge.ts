/**
 * Builds hostile packs from a real one: edit its entries, re-seal manifest.json and SHA256SUMS
 * as a careful forger would, and re-sign SHA256SUMS with the pack's own key where the case needs
 * a valid signature (so only the damage under test is left to find).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { formatSums, signatureTrustedComment, type Manifest } from '../../evidence/manifest.js';
import { parseSecretKey, signMessage } from '../../evidence/minisign.js';

export const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

export type Entries = Map<string, Buffer>;

export function copyEntries(entries: Entries): Entries {
  return new Map([...entries].map(([name, data]) => [name, Buffer.from(data)]));
}

/**
 * Brings the hash and size of every file manifest.json lists up to date (leaving its text as it is
 * when they are, so a manifest damaged on purpose stays so), then writes SHA256SUMS over those
 * files and manifest.json.
 */
export function reseal(entries: Entries): void {
  let listed: string[];
  try {
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Manifest;
    const files = manifest.files.map((f) => ({ ...f, sha256: sha256(entries.get(f.path)!), size: entries.get(f.path)!.length }));
    if (files.some((f, i) => f.sha256 !== manifest.files[i]!.sha256 || f.size !== Number(manifest.files[i]!.size))) {
      entries.set('manifest.json', Buffer.from(`${JSON.stringify({ ...manifest, files }, null, 2)}\n`));
    }
    listed = files.map((f) => f.path);
  } catch {
    // The manifest's file list is damaged on purpose: SHA256SUMS then covers every other file.
    listed = [...entries.keys()].filter((name) => !['manifest.json', 'SHA256SUMS', 'SHA256SUMS.minisig'].includes(name));
  }
  const covered = [...listed, 'manifest.json'];
  entries.set('SHA256SUMS', Buffer.from(formatSums(covered.map((path) => ({ path, sha256: sha256(entries.get(path)!), size: 0 })))));
}

/** Signs the current SHA256SUMS again with the secret key at `keyPath`. */
export function resign(entries: Entries, keyPath: string): void {
  const key = parseSecretKey(readFileSync(keyPath, 'utf8'));
  const comment = signatureTrustedComment({ assessmentId: 0, account: 'forged', exportedAt: 'forged', tool: { name: 'assay', version: 'forged' } });
  entries.set('SHA256SUMS.minisig', Buffer.from(signMessage(entries.get('SHA256SUMS')!, key, comment), 'utf8'));
}
