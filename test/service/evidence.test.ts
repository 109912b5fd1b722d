import { chmodSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { platform } from 'node:os';
import { buffer } from 'node:stream/consumers';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../src/service.js';
import { CHUNK_SIZE } from '../../src/store/blobs.js';
import { AUTOMATED_REC, DECISION_TIME, MANUAL_REC, openService, tempDir } from './fixture.js';

function setup() {
  const dir = tempDir();
  const path = `${dir}/assay.db`;
  const service = openService(path);
  const { id } = service.createAssessment({ name: 'evidence', source: 'test', account: '111122223333' });
  return { dir, path, service, id };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const read = (stream: NodeJS.ReadableStream) => buffer(stream as NodeJS.ReadableStream & AsyncIterable<Buffer>);

describe('attachments', () => {
  it('stores a file with its hash, name, media type, size, who and when, and streams it back', async () => {
    const { dir, service, id } = setup();
    const bytes = randomBytes(Math.floor(CHUNK_SIZE * 2.5));
    writeFileSync(`${dir}/Policy Screenshot.PNG`, bytes);
    const record = service.attach(id, AUTOMATED_REC, `${dir}/Policy Screenshot.PNG`, ' account settings page ');
    expect(record).toEqual({
      id: record.id,
      assessmentId: id,
      recId: AUTOMATED_REC,
      sha256: sha256(bytes),
      name: 'Policy Screenshot.PNG',
      mediaType: 'image/png',
      size: bytes.length,
      note: 'account settings page',
      addedBy: 'alice',
      addedAt: DECISION_TIME.toISOString(),
    });
    expect(service.listEvidence(id, AUTOMATED_REC)).toEqual([record]);
    expect((await read(service.openEvidence(record.sha256))).equals(bytes)).toBe(true);
  });

  it('stores the same bytes once, in chunks, however often they are attached', () => {
    const { dir, path, service, id } = setup();
    const bytes = randomBytes(CHUNK_SIZE + 10);
    writeFileSync(`${dir}/a.txt`, bytes);
    writeFileSync(`${dir}/b.log`, bytes);
    const first = service.attach(id, AUTOMATED_REC, `${dir}/a.txt`);
    const again = service.attach(id, AUTOMATED_REC, `${dir}/a.txt`);
    const elsewhere = service.attach(id, MANUAL_REC, `${dir}/b.log`);
    expect(again).toEqual(first);
    expect(elsewhere.sha256).toBe(first.sha256);
    expect(elsewhere.mediaType).toBe('text/plain');
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(1);
    expect(raw.prepare('SELECT count(*) FROM blob_chunks').pluck().get()).toBe(2);
    raw.close();
    expect(service.listEvidence(id)).toHaveLength(2);
  });

  it('handles empty files and unknown extensions', async () => {
    const { dir, service, id } = setup();
    writeFileSync(`${dir}/empty.weird`, '');
    const record = service.attach(id, AUTOMATED_REC, `${dir}/empty.weird`);
    expect(record).toMatchObject({ size: 0, mediaType: 'application/octet-stream', sha256: sha256(Buffer.alloc(0)) });
    expect((await read(service.openEvidence(record.sha256))).length).toBe(0);
  });

  it('refuses folders, missing files and files over the limit, storing nothing', () => {
    const { dir, path, service, id } = setup();
    mkdirSync(`${dir}/folder`);
    expect(() => service.attach(id, AUTOMATED_REC, `${dir}/folder`)).toThrow(`${dir}/folder is a folder; attach a file`);
    expect(() => service.attach(id, AUTOMATED_REC, `${dir}/nope.pdf`)).toThrow(`cannot read ${dir}/nope.pdf (ENOENT)`);
    // A sparse file: over the limit on paper without writing 256 MiB to disk.
    writeFileSync(`${dir}/huge.bin`, '');
    truncateSync(`${dir}/huge.bin`, MAX_ATTACHMENT_BYTES + 1);
    expect(() => service.attach(id, AUTOMATED_REC, `${dir}/huge.bin`)).toThrow(`${dir}/huge.bin is 256 MiB; attachments are limited to 256 MiB`);
    expect(() => service.attach(id, '7.7', `${dir}/nope.pdf`)).toThrow('unknown recommendation "7.7"');
    expect(service.listEvidence(id)).toEqual([]);
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare('SELECT count(*) FROM blobs').pluck().get()).toBe(0);
    raw.close();
  });

  it.skipIf(process.getuid?.() === 0)('refuses a file it may not read', () => {
    const { dir, service, id } = setup();
    writeFileSync(`${dir}/secret.txt`, 'x');
    chmodSync(`${dir}/secret.txt`, 0o000);
    expect(() => service.attach(id, AUTOMATED_REC, `${dir}/secret.txt`)).toThrow(`cannot read ${dir}/secret.txt (EACCES)`);
  });

  it.skipIf(platform() !== 'linux')('refuses a file whose reads fail, even as root', () => {
    const { service, id } = setup();
    // /proc/self/mem is a regular file that fails to read at offset 0 (unmapped memory).
    expect(() => service.attach(id, AUTOMATED_REC, '/proc/self/mem')).toThrow(/cannot read \/proc\/self\/mem \(EIO\)/);
    expect(service.listEvidence(id)).toEqual([]);
  });

  it('names an unknown blob', () => {
    const { service } = setup();
    expect(() => service.openEvidence('0'.repeat(64))).toThrow(`no stored file with SHA-256 ${'0'.repeat(64)}`);
  });
});
