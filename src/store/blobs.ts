import { createHash } from 'node:crypto';
import { closeSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { openInputFile, type InputKind } from '../input-file.js';
import type { Db } from './database.js';
import { StoredDataDamaged } from './faults.js';

/** Blobs are stored and streamed in pieces of this size, so no file is ever whole in memory. */
export const CHUNK_SIZE = 1024 * 1024;

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function hasBlob(db: Db, sha256: string): boolean {
  return db.prepare('SELECT 1 FROM blobs WHERE sha256 = ?').get(sha256) !== undefined;
}

/** Stores bytes under their SHA-256 unless already there; call inside a write transaction. */
export function putBlob(db: Db, bytes: Buffer): string {
  const sha256 = sha256Hex(bytes);
  if (hasBlob(db, sha256)) return sha256;
  const chunks = Math.ceil(bytes.length / CHUNK_SIZE);
  db.prepare('INSERT INTO blobs (sha256, size, chunk_size, chunks) VALUES (?, ?, ?, ?)').run(sha256, bytes.length, CHUNK_SIZE, chunks);
  const insert = db.prepare('INSERT INTO blob_chunks (sha256, idx, data) VALUES (?, ?, ?)');
  for (let idx = 0; idx < chunks; idx++) insert.run(sha256, idx, bytes.subarray(idx * CHUNK_SIZE, (idx + 1) * CHUNK_SIZE));
  return sha256;
}

/**
 * Reads a file a chunk at a time, handing each piece to `onChunk`; returns its SHA-256 and size.
 * Only a regular file within `kind`'s limit is opened, and reading stops once past `readAtMost`
 * bytes, so a file that grows meanwhile is never read for ever: the size returned tells.
 */
export function readFileInChunks(
  path: string,
  kind: InputKind,
  onChunk?: (chunk: Buffer, idx: number) => void,
  readAtMost: number = kind.maxBytes,
): { sha256: string; size: number } {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(CHUNK_SIZE);
  const { fd } = openInputFile(path, kind);
  let size = 0;
  try {
    for (let idx = 0; ; idx++) {
      // Fill the whole buffer so chunk boundaries do not depend on how the OS splits reads.
      let filled = 0;
      while (filled < CHUNK_SIZE) {
        const n = readSync(fd, buffer, filled, CHUNK_SIZE - filled, null);
        if (n === 0) break;
        filled += n;
      }
      if (filled === 0) break;
      const chunk = buffer.subarray(0, filled);
      hash.update(chunk);
      onChunk?.(chunk, idx);
      size += filled;
      if (filled < CHUNK_SIZE || size > readAtMost) break;
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * Copies a file into the blob store under `expectedSha256` (computed by a first pass) unless the
 * blob is already there. Returns false when the file changed between the passes; the caller's
 * transaction must then roll back. Call inside a write transaction.
 */
export function putBlobFromFile(db: Db, path: string, kind: InputKind, expectedSha256: string, expectedSize: number): boolean {
  if (hasBlob(db, expectedSha256)) return true;
  const chunks = Math.ceil(expectedSize / CHUNK_SIZE);
  db.prepare('INSERT INTO blobs (sha256, size, chunk_size, chunks) VALUES (?, ?, ?, ?)').run(expectedSha256, expectedSize, CHUNK_SIZE, chunks);
  const insert = db.prepare('INSERT INTO blob_chunks (sha256, idx, data) VALUES (?, ?, ?)');
  const copied = readFileInChunks(path, kind, (chunk, idx) => insert.run(expectedSha256, idx, chunk), expectedSize);
  return copied.sha256 === expectedSha256 && copied.size === expectedSize;
}

/** Stored bytes, proven to be what was stored: content that no longer hashes to its key is damage. */
export function readBlob(db: Db, sha256: string): Buffer | undefined {
  if (!hasBlob(db, sha256)) return undefined;
  const rows = db.prepare('SELECT data FROM blob_chunks WHERE sha256 = ? ORDER BY idx').pluck().all(sha256) as unknown[];
  if (!rows.every((row) => Buffer.isBuffer(row))) throw blobDamaged(sha256, 'is no longer stored as bytes');
  const bytes = Buffer.concat(rows);
  if (sha256Hex(bytes) !== sha256) throw blobDamaged(sha256);
  return bytes;
}

/** The SHA-256 the bytes stored under `sha256` hash to now (undefined when none are stored), for reporting rather than refusing. */
export function storedSha256(db: Db, sha256: string): string | undefined {
  if (!hasBlob(db, sha256)) return undefined;
  const hash = createHash('sha256');
  for (const chunk of db.prepare('SELECT data FROM blob_chunks WHERE sha256 = ? ORDER BY idx').pluck().iterate(sha256)) {
    hash.update(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  }
  return hash.digest('hex');
}

function blobDamaged(sha256: string, detail = 'no longer has that hash'): StoredDataDamaged {
  return new StoredDataDamaged(`the stored content with SHA-256 ${sha256} (an attachment or a snapshot) ${detail}`);
}

/**
 * A stream over a blob that fetches one chunk per read, so memory stays at one chunk. It ends in
 * an error instead of its end when the bytes no longer hash to `sha256`.
 */
export function blobStream(db: Db, sha256: string, chunks: number): Readable {
  const chunkAt = db.prepare('SELECT data FROM blob_chunks WHERE sha256 = ? AND idx = ?').pluck();
  const hash = createHash('sha256');
  let idx = 0;
  return new Readable({
    read() {
      try {
        if (idx >= chunks) {
          if (hash.digest('hex') !== sha256) throw blobDamaged(sha256);
          this.push(null);
          return;
        }
        const data = chunkAt.get(sha256, idx) as unknown;
        if (data === undefined) throw blobDamaged(sha256, `is missing its piece ${idx}`);
        if (!Buffer.isBuffer(data)) throw blobDamaged(sha256, 'is no longer stored as bytes');
        hash.update(data);
        idx++;
        this.push(data);
      } catch (err) {
        this.destroy(err as Error);
      }
    },
  });
}

/** Removes blobs no evidence row or assessment snapshot refers to any more. */
export function deleteUnusedBlobs(db: Db): void {
  db.prepare(
    `DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM evidence)
       AND sha256 NOT IN (SELECT snapshot_sha256 FROM assessments WHERE snapshot_sha256 IS NOT NULL)`,
  ).run();
}
