/**
 * Checks a pack as a reviewer would, without extracting anything: re-hashes every entry (streamed
 * with yauzl), compares with manifest.json and SHA256SUMS, re-computes the decision history's
 * hash chain with the store's own function, checks that each decision in assessment.json is its
 * last history row, and verifies the minisign signature when a public key is given.
 */
import { createHash } from 'node:crypto';
import yauzl from 'yauzl';
import { InputError } from '../src/errors.js';
import type { Decision, DecisionEvent } from '../src/model.js';
import { canonicalJson, verifyChain } from '../src/store/chain.js';
import { MANIFEST_FILE, PACK_FORMAT, parseSums, SIGNATURE_FILE, SUMS_FILE, type Manifest } from './manifest.js';
import { formatKeyId, parsePublicKey, readKeyFile, signatureKeyId, verifyMessage, type MinisignPublicKey } from './minisign.js';
import { entryNameProblem, printableName } from './names.js';

export type ProblemKind = 'altered' | 'missing' | 'extra' | 'unsafe' | 'unlisted' | 'manifest' | 'history' | 'signature' | 'zip';

export interface VerifyProblem {
  kind: ProblemKind;
  path?: string;
  detail: string;
}

export interface SignatureState {
  state: 'verified' | 'invalid' | 'unsigned' | 'not checked';
  keyId?: string;
  trustedComment?: string;
}

export interface VerifyReport {
  ok: boolean;
  problems: VerifyProblem[];
  /** Entries read from the zip. */
  entries: number;
  manifest?: Manifest;
  historyEvents: number;
  signature: SignatureState;
}

/** Files whose content is read, not just hashed; a pack with larger ones is refused. */
const KEPT_FILES = new Set([MANIFEST_FILE, SUMS_FILE, SIGNATURE_FILE, 'history.jsonl', 'assessment.json']);
/** Files every pack has (manifest.json and SHA256SUMS are reported on their own). */
const REQUIRED_FILES = ['index.html', 'assessment.json', 'history.jsonl', MANIFEST_FILE, SUMS_FILE];
const MAX_KEPT_BYTES = 256 * 1024 * 1024;
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;

interface ReadEntry {
  sha256: string;
  size: number;
}

export function readPublicKey(path: string): MinisignPublicKey {
  return readKeyFile(path, 'public key', parsePublicKey);
}

async function readZip(zipPath: string, problems: VerifyProblem[]): Promise<{ readable: boolean; entries: Map<string, ReadEntry>; kept: Map<string, Buffer> }> {
  let zip: yauzl.ZipFile;
  try {
    // Names are decoded and judged here, not by yauzl, so that every bad one is listed.
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, decodeStrings: false, autoClose: false, validateEntrySizes: true, strictFileNames: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new InputError(`cannot read ${zipPath} (${code})`);
    problems.push({ kind: 'zip', detail: `not a readable zip file: ${(err as Error).message}` });
    return { readable: false, entries: new Map(), kept: new Map() };
  }
  const entries = new Map<string, ReadEntry>();
  const kept = new Map<string, Buffer>();
  try {
    for await (const entry of zip.eachEntry()) {
      const raw = entry.fileName as unknown as Buffer;
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true);
      const shown = printableName(name);
      const unsafe = entryNameProblem(name.endsWith('/') ? name.slice(0, -1) : name);
      if (unsafe) {
        problems.push({ kind: 'unsafe', path: shown, detail: `entry would not stay inside the pack folder: ${unsafe}` });
        continue;
      }
      if (entries.has(name)) {
        problems.push({ kind: 'unsafe', path: shown, detail: 'the same name appears twice in the zip' });
        continue;
      }
      const unixMode = entry.externalFileAttributes >>> 16;
      if (name.endsWith('/') || (unixMode !== 0 && (unixMode & S_IFMT) !== S_IFREG)) {
        problems.push({ kind: 'unsafe', path: shown, detail: 'not a regular file (a folder or a link)' });
        continue;
      }
      if (entry.isEncrypted()) {
        problems.push({ kind: 'zip', path: shown, detail: 'encrypted entry' });
        continue;
      }
      const keep = KEPT_FILES.has(name);
      if (keep && entry.uncompressedSize > MAX_KEPT_BYTES) {
        problems.push({ kind: 'zip', path: shown, detail: `larger than ${MAX_KEPT_BYTES} bytes; refusing to read it` });
        continue;
      }
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let size = 0;
      try {
        const stream = await zip.openReadStreamPromise(entry);
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          hash.update(chunk);
          size += chunk.length;
          if (keep) chunks.push(chunk);
        }
      } catch (err) {
        problems.push({ kind: 'zip', path: shown, detail: `cannot be read: ${(err as Error).message}` });
        continue;
      }
      entries.set(name, { sha256: hash.digest('hex'), size });
      if (keep) kept.set(name, Buffer.concat(chunks));
    }
  } catch (err) {
    problems.push({ kind: 'zip', detail: `the zip is damaged: ${(err as Error).message}` });
  } finally {
    zip.close();
  }
  return { readable: true, entries, kept };
}

function parseManifest(content: Buffer | undefined, problems: VerifyProblem[]): Manifest | undefined {
  if (!content) {
    problems.push({ kind: 'missing', path: MANIFEST_FILE, detail: 'the pack has no manifest' });
    return undefined;
  }
  try {
    const manifest = JSON.parse(content.toString('utf8')) as Manifest;
    if (manifest.format !== PACK_FORMAT || !Array.isArray(manifest.files)) throw new Error(`not an ${PACK_FORMAT} manifest`);
    for (const f of manifest.files) {
      if (typeof f.path !== 'string' || !/^[0-9a-f]{64}$/.test(f.sha256) || typeof f.size !== 'number') throw new Error(`bad file entry ${JSON.stringify(f).slice(0, 80)}`);
    }
    return manifest;
  } catch (err) {
    problems.push({ kind: 'manifest', path: MANIFEST_FILE, detail: `unreadable: ${(err as Error).message}` });
    return undefined;
  }
}

function checkFiles(entries: Map<string, ReadEntry>, manifest: Manifest | undefined, sums: Buffer | undefined, problems: VerifyProblem[]): void {
  const altered = new Set<string>();
  const missing = new Set<string>();
  const report = (set: Set<string>, kind: ProblemKind, path: string, detail: string): void => {
    if (set.has(path)) return;
    set.add(path);
    problems.push({ kind, path: printableName(path), detail });
  };
  for (const path of REQUIRED_FILES) {
    if (!entries.has(path) && path !== MANIFEST_FILE && path !== SUMS_FILE) report(missing, 'missing', path, 'every pack has this file');
  }
  const listed = new Set<string>([MANIFEST_FILE, SUMS_FILE, SIGNATURE_FILE]);
  for (const file of manifest?.files ?? []) {
    listed.add(file.path);
    const got = entries.get(file.path);
    if (!got) report(missing, 'missing', file.path, `listed in ${MANIFEST_FILE} but not in the pack`);
    else if (got.sha256 !== file.sha256 || got.size !== file.size) report(altered, 'altered', file.path, `content differs from ${MANIFEST_FILE} (SHA-256 ${got.sha256.slice(0, 12)}…, expected ${file.sha256.slice(0, 12)}…)`);
  }
  if (!sums) {
    problems.push({ kind: 'missing', path: SUMS_FILE, detail: 'the pack has no checksum list' });
  } else {
    const parsed = parseSums(sums.toString('utf8'));
    for (const detail of parsed.problems) problems.push({ kind: 'manifest', path: SUMS_FILE, detail });
    const inSums = new Set<string>();
    for (const line of parsed.entries) {
      inSums.add(line.path);
      const got = entries.get(line.path);
      if (!got) report(missing, 'missing', line.path, `listed in ${SUMS_FILE} but not in the pack`);
      else if (got.sha256 !== line.sha256) report(altered, 'altered', line.path, `content differs from ${SUMS_FILE} line ${line.line}`);
    }
    for (const name of entries.keys()) {
      if (name !== SUMS_FILE && name !== SIGNATURE_FILE && !inSums.has(name) && listed.has(name)) {
        problems.push({ kind: 'unlisted', path: printableName(name), detail: `not covered by ${SUMS_FILE}` });
      }
    }
  }
  for (const name of entries.keys()) {
    if (!listed.has(name)) problems.push({ kind: 'extra', path: printableName(name), detail: `in the pack but in neither ${MANIFEST_FILE} nor ${SUMS_FILE}` });
  }
}

function checkHistory(history: Buffer | undefined, assessment: Buffer | undefined, manifest: Manifest | undefined, problems: VerifyProblem[]): number {
  if (!history) return 0; // reported as missing by the file check
  const events: DecisionEvent[] = [];
  const lines = history.toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, index) => {
    try {
      events.push(JSON.parse(line) as DecisionEvent);
    } catch {
      problems.push({ kind: 'history', path: 'history.jsonl', detail: `line ${index + 1} is not JSON` });
    }
  });
  const head = manifest?.history ? { length: manifest.history.events, hash: manifest.history.head } : undefined;
  for (const p of verifyChain(events, head)) {
    problems.push({ kind: 'history', path: 'history.jsonl', detail: `line ${p.position}: ${p.kind} — ${p.detail}` });
  }
  if (assessment) {
    let decisions: Decision[] | undefined;
    try {
      decisions = (JSON.parse(assessment.toString('utf8')) as { decisions?: Decision[] }).decisions;
    } catch {
      problems.push({ kind: 'manifest', path: 'assessment.json', detail: 'not valid JSON' });
    }
    const last = new Map<string, DecisionEvent>();
    for (const event of events) last.set(event.recId, event);
    for (const decision of decisions ?? []) {
      const event = last.get(decision.recId);
      if (!event || canonicalJson(event.after) !== canonicalJson(decision)) {
        problems.push({ kind: 'history', path: 'assessment.json', detail: `the decision on ${decision.recId} is not the one its last history row records` });
      }
    }
  }
  return events.length;
}

function checkSignature(sums: Buffer | undefined, signature: Buffer | undefined, key: MinisignPublicKey | undefined, problems: VerifyProblem[]): SignatureState {
  if (!signature) {
    if (key) problems.push({ kind: 'signature', path: SIGNATURE_FILE, detail: `the pack is not signed, but a public key (${formatKeyId(key.keyId)}) was given` });
    return { state: 'unsigned' };
  }
  const text = signature.toString('utf8');
  if (!key) {
    const keyId = signatureKeyId(text);
    return { state: 'not checked', ...(keyId ? { keyId } : {}) };
  }
  const check = verifyMessage(sums ?? Buffer.alloc(0), text, key);
  if (!check.ok) {
    problems.push({ kind: 'signature', path: SIGNATURE_FILE, detail: check.problem ?? 'invalid signature' });
    return { state: 'invalid', ...(check.keyId ? { keyId: check.keyId } : {}) };
  }
  return { state: 'verified', ...(check.keyId ? { keyId: check.keyId } : {}), ...(check.trustedComment ? { trustedComment: check.trustedComment } : {}) };
}

export async function verifyPack(zipPath: string, options: { pubkey?: string } = {}): Promise<VerifyReport> {
  const key = options.pubkey ? readPublicKey(options.pubkey) : undefined;
  const problems: VerifyProblem[] = [];
  const { readable, entries, kept } = await readZip(zipPath, problems);
  const manifest = readable ? parseManifest(kept.get(MANIFEST_FILE), problems) : undefined;
  if (readable) checkFiles(entries, manifest, kept.get(SUMS_FILE), problems);
  const historyEvents = checkHistory(kept.get('history.jsonl'), kept.get('assessment.json'), manifest, problems);
  const signature = checkSignature(kept.get(SUMS_FILE), kept.get(SIGNATURE_FILE), key, problems);
  return { ok: problems.length === 0, problems, entries: entries.size, ...(manifest ? { manifest } : {}), historyEvents, signature };
}
