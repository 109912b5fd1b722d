/**
 * Writes an evidence pack: the rendered files, the attachments streamed one at a time from the
 * store, then manifest.json, SHA256SUMS and (with a key) SHA256SUMS.minisig.
 *
 * Reproducible: entries go in a fixed order, every entry carries the pack's as-of time as its
 * date (UTC), modes are fixed, and the as-of time comes from the data (or `now`), never the
 * clock. Bounded memory: attachments pass through in the store's 1 MiB chunks and the next one
 * is opened only when the previous entry is written. The zip is written beside its destination
 * and renamed into place, so a failed or cancelled export leaves no half pack.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { pipeline, Transform, type Readable, type TransformCallback } from 'node:stream';
import archiver from 'archiver';
import { BENCHMARK } from '../checks/catalog.js';
import { InputError } from '../src/errors.js';
import type { AssayService } from '../src/service.js';
import { renderPackFiles, type PackFile } from './files.js';
import { formatSums, MANIFEST_FILE, PACK_FORMAT, SIGNATURE_FILE, signatureTrustedComment, SUMS_FILE, type Manifest, type ManifestFile } from './manifest.js';
import { formatKeyId, parseSecretKey, readKeyFile, signMessage, type MinisignSecretKey } from './minisign.js';
import { gatherPackData } from './pack-data.js';
import type { AttachmentRef } from './report.js';
import { credentialValues, secretGuard, SecretInAttachmentError } from './secrets.js';
import { assessmentSecrets, describeFindings, secretAdvice } from '../src/secrets.js';

export interface ExportProgress {
  done: number;
  total: number;
  file: string;
}

export interface ExportOptions {
  /** Path of a minisign secret key (unencrypted, as `assay keygen` writes) to sign SHA256SUMS. */
  signKey?: string;
  onProgress?: (progress: ExportProgress) => void;
  signal?: AbortSignal;
  /** The pack's as-of time; default: the latest change recorded in the assessment. */
  now?: Date;
}

export interface ExportResult {
  path: string;
  files: number;
  bytes: number;
}

/** Media types that are compressed already: stored as they are, deflating them only costs time. */
const STORED_MEDIA_TYPES = /^(image\/(png|jpeg|gif|webp)|application\/(zip|gzip|pdf|vnd\.openxmlformats-officedocument\..*))$/;

const FILE_MODE = 0o644;

export function readSigningKey(path: string): MinisignSecretKey {
  return readKeyFile(path, 'signing key', parseSecretKey);
}

/** Counts and hashes bytes on their way into the zip. */
function hashingPassThrough(): { stream: Transform; result: () => { sha256: string; size: number } } {
  const hash = createHash('sha256');
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest('hex'), size }) };
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('the export was cancelled', 'AbortError');
}

/** Attachments once each (the same bytes under the same name are one entry), by entry name. */
function distinctAttachments(attachments: readonly AttachmentRef[]): AttachmentRef[] {
  const byEntry = new Map<string, AttachmentRef>();
  for (const a of attachments) if (!byEntry.has(a.entry)) byEntry.set(a.entry, a);
  return [...byEntry.values()].sort((a, b) => (a.entry < b.entry ? -1 : a.entry > b.entry ? 1 : 0));
}

function checkDestination(outPath: string): void {
  try {
    if (statSync(outPath).isDirectory()) throw new InputError(`${outPath} is a folder; give a file name for the pack, e.g. ${outPath.replace(/\/$/, '')}/pack.zip`);
  } catch (err) {
    if (err instanceof InputError) throw err;
    // Not there yet: the usual case.
  }
}

/** A pack goes to reviewers: nothing that looks like a credential goes in unless kept on purpose. */
function refuseOpenSecrets(service: AssayService, assessmentId: number): void {
  const open = assessmentSecrets(service, assessmentId).filter((f) => !f.kept);
  if (open.length === 0) return;
  const lines = describeFindings(open).map((line) => `  ${line}\n`);
  throw new InputError(
    `assessment ${assessmentId} holds ${open.length} value${open.length === 1 ? '' : 's'} that look${open.length === 1 ? 's' : ''} like credentials; a pack would hand them to every reader:\n${lines.join('')}` +
      `nothing was written; ${secretAdvice(assessmentId)}`,
  );
}

export async function exportPack(service: AssayService, assessmentId: number, outPath: string, options: ExportOptions = {}): Promise<ExportResult> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  checkDestination(outPath);
  const key = options.signKey ? readSigningKey(options.signKey) : undefined;
  refuseOpenSecrets(service, assessmentId);
  const secrets = credentialValues();
  const data = gatherPackData(service, assessmentId, options.now);
  // The reviewer's copy of the public key is the file `assay keygen` wrote beside the secret one.
  const signer = key && options.signKey ? { keyId: formatKeyId(key.keyId), publicKeyFile: `${basename(options.signKey)}.pub` } : undefined;
  const { model, files } = renderPackFiles(data, secrets, signer);
  const attachments = distinctAttachments(model.attachments);
  const total = files.length + attachments.length + 2 + (key ? 1 : 0);
  const date = new Date(data.asOf);
  const partial = `${outPath}.partial`;

  const output = createWriteStream(partial, { mode: FILE_MODE });
  const archive = archiver('zip', { zlib: { level: 9 } });
  const failed = new Promise<never>((_, reject) => {
    archive.on('error', reject);
    archive.on('warning', reject);
    output.on('error', (err: NodeJS.ErrnoException) => reject(new InputError(`cannot write ${outPath} (${err.code ?? err.message})`)));
  });
  failed.catch(() => undefined);
  const closed = new Promise<void>((resolve) => output.on('close', resolve));
  archive.pipe(output);

  let done = 0;
  const listed: ManifestFile[] = [];
  /** Appends one entry and waits until the archive has taken all of it (or its source failed). */
  const add = async (name: string, source: Buffer | Readable, store = false, sourceFailed?: Promise<never>): Promise<void> => {
    const written = new Promise<void>((resolve) => archive.once('entry', () => resolve()));
    archive.append(source, { name, date, mode: FILE_MODE, store });
    await Promise.race([written, failed, ...(sourceFailed ? [sourceFailed] : [])]);
    done++;
    onProgress?.({ done, total, file: name });
  };
  const addFile = async (file: PackFile): Promise<void> => {
    signal?.throwIfAborted();
    await add(file.path, file.content);
    listed.push({ path: file.path, sha256: sha256(file.content), size: file.content.length });
  };

  try {
    for (const file of files) await addFile(file);
    for (const attachment of attachments) {
      signal?.throwIfAborted();
      const { record } = attachment;
      const hashing = hashingPassThrough();
      const source = service.openEvidence(record.sha256) as Readable;
      const onAbort = (): void => {
        source.destroy(abortError(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      // archiver does not watch its sources for errors: the pipeline reports them here and
      // destroys every stage, releasing the store's statement.
      let rejectSource!: (err: Error) => void;
      const sourceFailed = new Promise<never>((_, reject) => (rejectSource = reject));
      sourceFailed.catch(() => undefined);
      const stream = pipeline(source, secretGuard(secrets), hashing.stream, (err) => {
        if (err) rejectSource(err);
      });
      try {
        await add(attachment.entry, stream, STORED_MEDIA_TYPES.test(record.mediaType), sourceFailed);
      } catch (err) {
        if (err instanceof SecretInAttachmentError) {
          throw new InputError(`the attachment "${record.name}" of ${record.recId} ${err.message} (a credential); Assay will not put it in a pack — remove that attachment`);
        }
        throw err;
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
      const got = hashing.result();
      if (got.sha256 !== record.sha256 || got.size !== record.size) {
        throw new Error(`the stored attachment "${record.name}" no longer matches its SHA-256 ${record.sha256}; the database is damaged`);
      }
      listed.push({ path: attachment.entry, ...got });
    }

    const head = data.history[data.history.length - 1];
    const manifest: Manifest = {
      format: PACK_FORMAT,
      tool: data.tool,
      benchmark: { name: BENCHMARK.name, version: BENCHMARK.version },
      assessmentId: data.assessment.id,
      account: data.assessment.account,
      exportedAt: data.asOf,
      exportedAtBasis: data.asOfBasis,
      history: { events: data.history.length, head: head?.hash ?? '' },
      files: [...listed],
    };
    const manifestFile = { path: MANIFEST_FILE, content: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') };
    await addFile(manifestFile);
    // SHA256SUMS covers every file before it, manifest.json included.
    const sums = Buffer.from(formatSums(listed), 'utf8');
    signal?.throwIfAborted();
    await add(SUMS_FILE, sums);
    if (key) await add(SIGNATURE_FILE, Buffer.from(signMessage(sums, key, signatureTrustedComment(manifest)), 'utf8'));

    signal?.throwIfAborted();
    await Promise.race([archive.finalize(), failed]);
    await Promise.race([closed, failed]);
    renameSync(partial, outPath);
    return { path: outPath, files: done, bytes: statSync(outPath).size };
  } catch (err) {
    archive.abort();
    output.destroy();
    await closed.catch(() => undefined);
    rmSync(partial, { force: true });
    throw err;
  }
}
