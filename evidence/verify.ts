/**
 * Checks a pack as a reviewer would: re-hashes every file (streamed, from the zip with yauzl or
 * from the folder it was extracted into), compares with manifest.json and SHA256SUMS, re-computes
 * the decision history's hash chain with the store's own function, checks that each decision in
 * assessment.json is its last history row, and verifies the minisign signature when a public key
 * is given. The report says how far that establishes the pack (`trust`): consistent hashes alone
 * prove nothing about who made it, since anyone can rebuild manifest.json and SHA256SUMS.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, createReadStream, fstatSync, lstatSync, openSync, readdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';
import { errorReason, InputError } from '../src/errors.js';
import { INPUT_KINDS, openInputFile } from '../src/input-file.js';
import { isDecisionEvent, type Decision, type DecisionEvent, type HistoryEvent } from '../src/model.js';
import { canonicalJson, verifyChain, type ChainHead } from '../src/store/chain.js';
import { ASSESSMENT_FORMAT } from './files.js';
import { MANIFEST_FILE, PACK_FORMAT, parseSums, SIGNATURE_FILE, SUMS_FILE, type Manifest, type ManifestFile } from './manifest.js';
import { formatKeyId, parsePublicKey, readKeyFile, signatureKeyId, verifyMessage, type MinisignPublicKey } from './minisign.js';
import { entryNameProblem, printableName } from './names.js';
import { decodeUtf8, hexDigest, list, literal, object, parseJson, text, wholeNumber, type Shape } from './pack-json.js';

/** `zip`: the zip cannot be read; `unreadable`: a file or folder of an extracted pack cannot be read. */
export type ProblemKind = 'altered' | 'missing' | 'extra' | 'unsafe' | 'unlisted' | 'manifest' | 'history' | 'signature' | 'zip' | 'unreadable';

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

/** `intact`: every file, the manifest and the history chain agree (the signature aside). */
export type Integrity = 'intact' | 'altered';

/**
 * What the check establishes: `signed-by-given-key` only when nothing is wrong and the signature
 * verified with the public key given; `signed-by-unchecked-key` and `hashes-only` when the files
 * agree but the signer was not checked (no key given) or there is no signature; `none` when any
 * problem was found.
 */
export type Trust = 'signed-by-given-key' | 'signed-by-unchecked-key' | 'hashes-only' | 'none';

export interface VerifyReport {
  /** No problem found; says nothing of the signer (see `trust`). */
  ok: boolean;
  integrity: Integrity;
  trust: Trust;
  problems: VerifyProblem[];
  /** Whether the pack was read from its zip or from a folder it was extracted into. */
  source: 'zip' | 'folder';
  /** Files read from the pack. */
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

const FILE_SHAPE = object({ path: text, sha256: hexDigest(), size: wholeNumber(0) });
const HISTORY_HEAD_SHAPE = object({ events: wholeNumber(0), head: hexDigest({ allowEmpty: true }) });
const MANIFEST_MEMBERS: Record<string, Shape> = {
  format: literal(PACK_FORMAT),
  tool: object({ name: text, version: text }),
  benchmark: object({ name: text, version: text }),
  assessmentId: wholeNumber(1),
  account: text,
  exportedAt: text,
  exportedAtBasis: literal('given', 'latest recorded change'),
  history: HISTORY_HEAD_SHAPE,
  files: list(FILE_SHAPE),
};
const DECISION_SHAPE = object({ recId: text });
const EVENT_MEMBERS: Record<string, Shape> = { seq: wholeNumber(1), assessmentId: wholeNumber(1), recId: text, actor: text, at: text, prevHash: hexDigest(), hash: hexDigest() };
/** history.jsonl lines: decisions (no `kind`), attach / detach (with `evidence`) and scan (with `snapshot`) events. */
const EVENT_SHAPES: Record<string, Shape> = {
  decision: object({ ...EVENT_MEMBERS, before: object({ recId: text }, { nullable: true }), after: DECISION_SHAPE }),
  attach: object({ ...EVENT_MEMBERS, evidence: object({ sha256: hexDigest(), name: text }) }),
  detach: object({ ...EVENT_MEMBERS, evidence: object({ sha256: hexDigest(), name: text }) }),
  scan: object({ ...EVENT_MEMBERS, snapshot: object({ sha256: hexDigest(), collectedAt: text, source: text }) }),
};
const ASSESSMENT_SHAPE = object({ format: literal(ASSESSMENT_FORMAT), decisions: list(DECISION_SHAPE) });

/** The Unix file type in the upper half of a zip entry's external attributes. */
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const UNIX_TYPES: Record<number, string> = { 0o120000: 'a symbolic link', 0o010000: 'a FIFO', 0o020000: 'a character device', 0o060000: 'a block device', 0o140000: 'a socket' };
/** The MS-DOS attribute bit for a folder, in the low byte of the external attributes. */
const DOS_FOLDER = 0x10;

interface ReadEntry {
  sha256: string;
  size: number;
}

export function readPublicKey(path: string): MinisignPublicKey {
  return readKeyFile(path, 'public key', parsePublicKey);
}

/**
 * What an entry is. Zips made on other systems (or by Python's `zipfile` from bytes) carry no Unix
 * file type, only permission bits or MS-DOS attributes: such an entry is a file unless its name
 * ends in "/" or it has the MS-DOS folder bit. A Unix type other than a regular file or a folder
 * is refused whatever the host system, as `unzip` would apply it.
 */
function entryKind(entry: yauzl.Entry, name: string): { kind: 'file' | 'folder' } | { refused: string } {
  const unixType = (entry.externalFileAttributes >>> 16) & S_IFMT;
  const special = UNIX_TYPES[unixType];
  if (special) return { refused: `not a regular file (${special})` };
  if (unixType !== 0 && unixType !== S_IFREG && unixType !== S_IFDIR) return { refused: 'not a regular file (an unknown file type)' };
  const folder = name.endsWith('/') || unixType === S_IFDIR || (entry.externalFileAttributes & DOS_FOLDER) !== 0;
  if (!folder) return { kind: 'file' };
  if (!name.endsWith('/')) return { refused: 'a folder whose name does not end in "/"' };
  if (entry.uncompressedSize > 0) return { refused: 'a folder entry that carries data' };
  return { kind: 'folder' };
}

/** Folder entries are harmless only as the folders of the pack's own files. */
function checkFolders(folders: readonly string[], entries: Map<string, ReadEntry>, problems: VerifyProblem[]): void {
  const files = [...entries.keys()];
  for (const folder of folders) {
    const shown = printableName(folder);
    if (entries.has(folder.slice(0, -1))) problems.push({ kind: 'unsafe', path: shown, detail: 'a folder with the name of a file of the pack' });
    else if (!files.some((file) => file.startsWith(folder))) problems.push({ kind: 'extra', path: shown, detail: 'a folder that holds no file of the pack' });
  }
}

/** What a reader found in the pack: each file's hash and size, the content of the files verify reads, and the folders. */
interface PackContents {
  files: Map<string, ReadEntry>;
  kept: Map<string, Buffer>;
  /** Folder names, each ending in "/". */
  folders: string[];
}

/** Whether `name` may be a path in the pack; why not is recorded. */
function acceptName(name: string, problems: VerifyProblem[]): boolean {
  const unsafe = entryNameProblem(name.endsWith('/') ? name.slice(0, -1) : name);
  if (unsafe) problems.push({ kind: 'unsafe', path: printableName(name), detail: `entry would not stay inside the pack folder: ${unsafe}` });
  return unsafe === undefined;
}

/** Hashes one file as it streams by, keeping the bytes of the files verify reads. */
async function readPackFile(
  contents: PackContents,
  name: string,
  size: number,
  open: () => Promise<AsyncIterable<Buffer>>,
  unreadable: ProblemKind,
  problems: VerifyProblem[],
): Promise<void> {
  const shown = printableName(name);
  const keep = KEPT_FILES.has(name);
  if (keep && size > MAX_KEPT_BYTES) {
    problems.push({ kind: unreadable, path: shown, detail: `larger than ${MAX_KEPT_BYTES} bytes; refusing to read it` });
    return;
  }
  const hash = createHash('sha256');
  const chunks: Buffer[] = [];
  let read = 0;
  try {
    for await (const chunk of await open()) {
      hash.update(chunk);
      read += chunk.length;
      if (keep) {
        // A file that grows while it is read is not held beyond the limit either.
        if (read > MAX_KEPT_BYTES) throw new Error(`grew past ${MAX_KEPT_BYTES} bytes while being read`);
        chunks.push(chunk);
      }
    }
  } catch (err) {
    problems.push({ kind: unreadable, path: shown, detail: `cannot be read: ${(err as Error).message}` });
    return;
  }
  contents.files.set(name, { sha256: hash.digest('hex'), size: read });
  if (keep) contents.kept.set(name, Buffer.concat(chunks));
}

/** The zip's entries, or undefined (with the problem recorded) when it is not a zip that can be read. */
async function readZip(zipPath: string, problems: VerifyProblem[]): Promise<PackContents | undefined> {
  // A pack is opened as every input file is: a FIFO or a device is refused, never waited on or read for ever.
  const { fd } = openInputFile(zipPath, INPUT_KINDS.pack, (reason) => `cannot read the pack ${zipPath} (${reason}); give its zip or the folder it was extracted into`);
  let zip: yauzl.ZipFile;
  try {
    // Names are decoded and judged here, not by yauzl, so that every bad one is listed. Closing the zip closes `fd`.
    zip = await yauzl.fromFdPromise(fd, { lazyEntries: true, decodeStrings: false, autoClose: false, validateEntrySizes: true, strictFileNames: true });
  } catch (err) {
    closeSync(fd);
    problems.push({ kind: 'zip', detail: `not a readable zip file: ${(err as Error).message}` });
    return undefined;
  }
  const contents: PackContents = { files: new Map(), kept: new Map(), folders: [] };
  const seen = new Set<string>();
  try {
    for await (const entry of zip.eachEntry()) {
      const raw = entry.fileName as unknown as Buffer;
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, true);
      const shown = printableName(name);
      if (!acceptName(name, problems)) continue;
      if (seen.has(name)) {
        problems.push({ kind: 'unsafe', path: shown, detail: 'the same name appears twice in the zip' });
        continue;
      }
      seen.add(name);
      const kind = entryKind(entry, name);
      if ('refused' in kind) {
        problems.push({ kind: 'unsafe', path: shown, detail: kind.refused });
        continue;
      }
      if (kind.kind === 'folder') {
        contents.folders.push(name);
        continue;
      }
      if (entry.isEncrypted()) {
        problems.push({ kind: 'zip', path: shown, detail: 'encrypted entry' });
        continue;
      }
      await readPackFile(contents, name, entry.uncompressedSize, async () => (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>, 'zip', problems);
    }
  } catch (err) {
    problems.push({ kind: 'zip', detail: `the zip is damaged: ${(err as Error).message}` });
  } finally {
    zip.close();
  }
  return contents;
}

function diskFileType(stat: Stats): string {
  if (stat.isSymbolicLink()) return 'a symbolic link';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'an unknown file type';
}

// Not following a link swapped in after the walk looked, and not waiting on a FIFO swapped in.
const OPEN_IN_FOLDER = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** Opens a file of the folder only if it is still the regular file the walk saw. */
async function openFolderFile(path: string): Promise<AsyncIterable<Buffer>> {
  const fd = openSync(path, OPEN_IN_FOLDER);
  try {
    if (!fstatSync(fd).isFile()) throw new Error('no longer a regular file');
  } catch (err) {
    closeSync(fd);
    throw err;
  }
  return createReadStream('', { fd });
}

/**
 * Every file under an extracted pack folder, as the zip reader gives a zip's entries. Links are
 * refused, not followed (one could point outside the folder), and so is anything but a regular
 * file or a folder: `sha256sum -c` would read through a link, so verify does not vouch for one.
 */
async function readFolder(root: string, problems: VerifyProblem[]): Promise<PackContents> {
  const contents: PackContents = { files: new Map(), kept: new Map(), folders: [] };
  const walk = async (relative: string): Promise<void> => {
    let names: string[];
    try {
      names = readdirSync(join(root, relative)).sort();
    } catch (err) {
      // The pack itself cannot be read is bad input, as for a zip; a sub-folder is a problem of the pack.
      if (relative === '') throw new InputError(`cannot read the pack ${root} (${errorReason(err)})`);
      problems.push({ kind: 'unreadable', path: printableName(relative), detail: `the folder cannot be listed (${errorReason(err)})` });
      return;
    }
    for (const base of names) {
      const name = `${relative}${base}`;
      const path = join(root, name);
      let stat: Stats;
      try {
        stat = lstatSync(path);
      } catch (err) {
        problems.push({ kind: 'unreadable', path: printableName(name), detail: `cannot be read (${errorReason(err)})` });
        continue;
      }
      if (stat.isDirectory()) {
        if (!acceptName(`${name}/`, problems)) continue;
        contents.folders.push(`${name}/`);
        await walk(`${name}/`);
      } else if (!acceptName(name, problems)) {
        continue;
      } else if (stat.isFile()) {
        await readPackFile(contents, name, stat.size, () => openFolderFile(path), 'unreadable', problems);
      } else {
        problems.push({ kind: 'unsafe', path: printableName(name), detail: `not a regular file (${diskFileType(stat)})` });
      }
    }
  };
  await walk('');
  return contents;
}

/** Whether `path` names a folder (following a link, as for every input path); anything else is read as a zip. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    // Missing or unreadable: the zip reader says so, as for any input file.
    return false;
  }
}

/** The text of a kept file, or undefined (with the problem recorded) when it is not UTF-8. */
function readText(content: Buffer, path: string, kind: ProblemKind, problems: VerifyProblem[]): string | undefined {
  const decoded = decodeUtf8(content);
  if (decoded === undefined) problems.push({ kind, path, detail: 'not valid UTF-8 text' });
  return decoded;
}

/** A JSON file of the pack checked against `shape`, or undefined with every problem recorded. */
function readJson(content: Buffer, path: string, shape: Shape, problems: VerifyProblem[]): Record<string, unknown> | undefined {
  const decoded = readText(content, path, 'manifest', problems);
  if (decoded === undefined) return undefined;
  const parsed = parseJson(decoded);
  if (!parsed.ok) {
    problems.push({ kind: 'manifest', path, detail: parsed.problem });
    return undefined;
  }
  const found = shape(parsed.value, '');
  for (const detail of found) problems.push({ kind: 'manifest', path, detail });
  return found.length === 0 ? (parsed.value as Record<string, unknown>) : undefined;
}

/** What verify can rely on in manifest.json: all of it, or those parts that are well-formed. */
interface ManifestParts {
  manifest?: Manifest;
  files?: ManifestFile[];
  head?: ChainHead;
}

function parseManifest(content: Buffer | undefined, problems: VerifyProblem[]): ManifestParts {
  if (!content) {
    problems.push({ kind: 'missing', path: MANIFEST_FILE, detail: 'the pack has no manifest' });
    return {};
  }
  const whole = readJson(content, MANIFEST_FILE, object(MANIFEST_MEMBERS), problems);
  if (whole) {
    const manifest = whole as unknown as Manifest;
    return { manifest, files: manifest.files, head: { length: manifest.history.events, hash: manifest.history.head } };
  }
  // Already reported: keep the parts that are sound, so the files are still checked.
  const parsed = parseJson(decodeUtf8(content) ?? '');
  if (!parsed.ok || parsed.value === null || typeof parsed.value !== 'object') return {};
  const { files, history } = parsed.value as { files?: unknown; history?: unknown };
  const soundFiles = list(FILE_SHAPE)(files, 'files').length === 0 ? (files as ManifestFile[]) : undefined;
  const soundHistory = HISTORY_HEAD_SHAPE(history, 'history').length === 0 ? (history as Manifest['history']) : undefined;
  return { ...(soundFiles ? { files: soundFiles } : {}), ...(soundHistory ? { head: { length: soundHistory.events, hash: soundHistory.head } } : {}) };
}

function checkFiles(entries: Map<string, ReadEntry>, files: ManifestFile[] | undefined, sums: Buffer | undefined, problems: VerifyProblem[]): void {
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
  for (const file of files ?? []) {
    listed.add(file.path);
    const got = entries.get(file.path);
    if (!got) report(missing, 'missing', file.path, `listed in ${MANIFEST_FILE} but not in the pack`);
    else if (got.sha256 !== file.sha256 || got.size !== file.size) report(altered, 'altered', file.path, `content differs from ${MANIFEST_FILE} (SHA-256 ${got.sha256.slice(0, 12)}…, expected ${file.sha256.slice(0, 12)}…)`);
  }
  const inSums = new Set<string>();
  const sumsText = sums && readText(sums, SUMS_FILE, 'manifest', problems);
  if (!sums) {
    problems.push({ kind: 'missing', path: SUMS_FILE, detail: 'the pack has no checksum list' });
  } else if (sumsText !== undefined) {
    const parsed = parseSums(sumsText);
    for (const detail of parsed.problems) problems.push({ kind: 'manifest', path: SUMS_FILE, detail });
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
  // Without a readable file list in the manifest, SHA256SUMS alone says what belongs.
  const belongs = files ? listed : new Set([...listed, ...inSums]);
  for (const name of entries.keys()) {
    if (!belongs.has(name)) problems.push({ kind: 'extra', path: printableName(name), detail: `in the pack but in neither ${MANIFEST_FILE} nor ${SUMS_FILE}` });
  }
}

/** The events of history.jsonl that are well-formed; undefined when the file cannot be read at all. */
function readHistory(history: Buffer, problems: VerifyProblem[]): HistoryEvent[] | undefined {
  const decoded = readText(history, 'history.jsonl', 'history', problems);
  if (decoded === undefined) return undefined;
  const events: HistoryEvent[] = [];
  const lines = decoded.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, index) => {
    const parsed = parseJson(line);
    if (!parsed.ok) {
      problems.push({ kind: 'history', path: 'history.jsonl', detail: `line ${index + 1} is ${parsed.problem}` });
      return;
    }
    const kind = parsed.value !== null && typeof parsed.value === 'object' ? ((parsed.value as { kind?: unknown }).kind ?? 'decision') : 'decision';
    const shape = typeof kind === 'string' ? EVENT_SHAPES[kind] : undefined;
    const found = shape ? shape(parsed.value, '') : [`kind "${String(kind)}" is none of attach, detach, scan (or none, for a decision)`];
    if (found.length > 0) problems.push({ kind: 'history', path: 'history.jsonl', detail: `line ${index + 1} is not a history event: ${found.join('; ')}` });
    else events.push(parsed.value as HistoryEvent);
  });
  return events;
}

function checkHistory(history: Buffer | undefined, assessment: Buffer | undefined, head: ChainHead | undefined, problems: VerifyProblem[]): number {
  const events = history ? readHistory(history, problems) : undefined; // a missing file is reported by the file check
  if (events) {
    for (const p of verifyChain(events, head)) {
      problems.push({ kind: 'history', path: 'history.jsonl', detail: `line ${p.position}: ${p.kind} — ${p.detail}` });
    }
  }
  const decisions = assessment ? (readJson(assessment, 'assessment.json', ASSESSMENT_SHAPE, problems)?.decisions as Decision[] | undefined) : undefined;
  if (events && decisions) {
    const last = new Map<string, DecisionEvent>();
    for (const event of events) if (isDecisionEvent(event)) last.set(event.recId, event);
    for (const decision of decisions) {
      const event = last.get(decision.recId);
      if (!event || canonicalJson(event.after) !== canonicalJson(decision)) {
        problems.push({ kind: 'history', path: 'assessment.json', detail: `the decision on ${decision.recId} is not the one its last history row records` });
      }
    }
  }
  return events?.length ?? 0;
}

function checkSignature(sums: Buffer | undefined, signature: Buffer | undefined, key: MinisignPublicKey | undefined, problems: VerifyProblem[]): SignatureState {
  if (!signature) {
    if (key) problems.push({ kind: 'signature', path: SIGNATURE_FILE, detail: `the pack is not signed, but a public key (${formatKeyId(key.keyId)}) was given` });
    return { state: 'unsigned' };
  }
  const text = signature.toString('utf8');
  if (!key) {
    const keyId = signatureKeyId(text);
    if (keyId) return { state: 'not checked', keyId };
    problems.push({ kind: 'signature', path: SIGNATURE_FILE, detail: 'not a minisign signature: it names no key id' });
    return { state: 'invalid' };
  }
  const check = verifyMessage(sums ?? Buffer.alloc(0), text, key);
  if (!check.ok) {
    problems.push({ kind: 'signature', path: SIGNATURE_FILE, detail: check.problem ?? 'invalid signature' });
    return { state: 'invalid', ...(check.keyId ? { keyId: check.keyId } : {}) };
  }
  return { state: 'verified', ...(check.keyId ? { keyId: check.keyId } : {}), ...(check.trustedComment ? { trustedComment: check.trustedComment } : {}) };
}

function trustOf(problems: readonly VerifyProblem[], signature: SignatureState): Trust {
  if (problems.length > 0) return 'none';
  if (signature.state === 'verified') return 'signed-by-given-key';
  return signature.state === 'not checked' ? 'signed-by-unchecked-key' : 'hashes-only';
}

/** Checks the pack at `path`: a zip, or a folder it was extracted into (the same checks on the files on disk). */
export async function verifyPack(path: string, options: { pubkey?: string } = {}): Promise<VerifyReport> {
  const key = options.pubkey ? readPublicKey(options.pubkey) : undefined;
  const problems: VerifyProblem[] = [];
  const source = isFolder(path) ? 'folder' : 'zip';
  const contents = source === 'folder' ? await readFolder(path, problems) : await readZip(path, problems);
  const kept = contents?.kept ?? new Map<string, Buffer>();
  const { manifest, files, head } = contents ? parseManifest(kept.get(MANIFEST_FILE), problems) : {};
  if (contents) {
    checkFolders(contents.folders, contents.files, problems);
    checkFiles(contents.files, files, kept.get(SUMS_FILE), problems);
  }
  const historyEvents = checkHistory(kept.get('history.jsonl'), kept.get('assessment.json'), head, problems);
  const signature = checkSignature(kept.get(SUMS_FILE), kept.get(SIGNATURE_FILE), key, problems);
  return {
    ok: problems.length === 0,
    integrity: problems.some((p) => p.kind !== 'signature') ? 'altered' : 'intact',
    trust: trustOf(problems, signature),
    problems,
    source,
    entries: contents?.files.size ?? 0,
    ...(manifest ? { manifest } : {}),
    historyEvents,
    signature,
  };
}
