/**
 * Ed25519 keys and signatures in minisign's file formats (https://jedisct1.github.io/minisign/),
 * built on Node's own crypto, so that the stock `minisign -V` verifies what Assay signs.
 *
 * Secret keys are written UNENCRYPTED (minisign's "no KDF" variant, as `minisign -G -W` makes):
 * Assay signs packs in scripts and from the TUI, where a password prompt has no place, and
 * minisign's scrypt parameters are not something Node reproduces. Protection is the file mode
 * (0600) and where the user keeps the file. Password-protected minisign keys are refused with a
 * message saying so.
 */
import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { blake2b } from '@noble/hashes/blake2.js';
import { InputError } from '../src/errors.js';
import { INPUT_KINDS, readInputFile } from '../src/input-file.js';

const SIG_ALG = Buffer.from('Ed');
/** Signatures over the BLAKE2b-512 of the message: minisign's default since 0.11. */
const SIG_ALG_PREHASHED = Buffer.from('ED');
const KDF_NONE = Buffer.from([0, 0]);
const KDF_SCRYPT = Buffer.from('Sc');
const CHK_ALG = Buffer.from('B2');
const UNTRUSTED_PREFIX = 'untrusted comment: ';
const TRUSTED_PREFIX = 'trusted comment: ';

// DER wrappers that turn raw Ed25519 bytes into keys Node's crypto accepts.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export class MinisignError extends Error {
  override name = 'MinisignError';
}

export interface MinisignSecretKey {
  keyId: Buffer;
  privateKey: KeyObject;
  publicKey: Buffer;
}

export interface MinisignPublicKey {
  keyId: Buffer;
  publicKey: KeyObject;
}

/** minisign prints a key id as its 8 bytes read as a little-endian 64-bit number, in hex. */
export function formatKeyId(keyId: Buffer): string {
  return keyId.readBigUInt64LE(0).toString(16).toUpperCase().padStart(16, '0');
}

function privateKeyFromSeed(seed: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

function publicKeyFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

function secretKeyChecksum(keyId: Buffer, secret64: Buffer): Buffer {
  // BLAKE2b-256 is its own function (the length is in the parameter block): Node only has -512.
  return Buffer.from(blake2b(Buffer.concat([SIG_ALG, keyId, secret64]), { dkLen: 32 }));
}

/** The two key files' contents for a fresh key pair (secret key unencrypted, see above). */
export function generateKeyFiles(): { secretKey: string; publicKey: string; keyId: string } {
  const seed = randomBytes(32);
  const keyId = randomBytes(8);
  const jwk = privateKeyFromSeed(seed).export({ format: 'jwk' });
  const publicRaw = Buffer.from(jwk.x ?? '', 'base64url');
  const secret64 = Buffer.concat([seed, publicRaw]);
  const secretStruct = Buffer.concat([
    SIG_ALG,
    KDF_NONE,
    CHK_ALG,
    Buffer.alloc(32), // KDF salt: unused without a KDF
    Buffer.alloc(16), // KDF ops and memory limits: unused without a KDF
    keyId,
    secret64,
    secretKeyChecksum(keyId, secret64),
  ]);
  const id = formatKeyId(keyId);
  return {
    keyId: id,
    secretKey: `${UNTRUSTED_PREFIX}minisign secret key ${id} (unencrypted, made by assay keygen)\n${secretStruct.toString('base64')}\n`,
    publicKey: `${UNTRUSTED_PREFIX}minisign public key ${id}\n${Buffer.concat([SIG_ALG, keyId, publicRaw]).toString('base64')}\n`,
  };
}

function base64Line(text: string, what: string): Buffer {
  const lines = text.split(/\r?\n/);
  if (!lines[0]?.startsWith(UNTRUSTED_PREFIX)) throw new MinisignError(`not a minisign ${what}: the first line must start with "${UNTRUSTED_PREFIX.trim()}"`);
  const line = lines[1]?.trim() ?? '';
  if (!/^[A-Za-z0-9+/]+=*$/.test(line)) throw new MinisignError(`not a minisign ${what}: the second line is not base64`);
  return Buffer.from(line, 'base64');
}

export function parseSecretKey(text: string): MinisignSecretKey {
  const raw = base64Line(text, 'secret key');
  if (raw.length !== 158) throw new MinisignError(`not a minisign secret key: ${raw.length} bytes instead of 158`);
  if (!raw.subarray(0, 2).equals(SIG_ALG)) throw new MinisignError('unsupported minisign signature algorithm (expected Ed25519)');
  const kdf = raw.subarray(2, 4);
  if (kdf.equals(KDF_SCRYPT)) {
    throw new MinisignError('this minisign secret key is protected by a password; assay signs only with unencrypted keys (make one with `assay keygen`)');
  }
  if (!kdf.equals(KDF_NONE)) throw new MinisignError('unsupported minisign key derivation function');
  if (!raw.subarray(4, 6).equals(CHK_ALG)) throw new MinisignError('unsupported minisign checksum function');
  const keyId = raw.subarray(54, 62);
  const secret64 = raw.subarray(62, 126);
  const checksum = raw.subarray(126, 158);
  // `minisign -G -W` leaves the checksum of an unencrypted key zeroed; ours carry a real one.
  if (!checksum.equals(Buffer.alloc(32)) && !checksum.equals(secretKeyChecksum(keyId, secret64))) {
    throw new MinisignError('the minisign secret key is damaged: its checksum does not match');
  }
  const privateKey = privateKeyFromSeed(secret64.subarray(0, 32));
  const publicKey = Buffer.from(privateKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  if (!publicKey.equals(secret64.subarray(32))) throw new MinisignError('the minisign secret key is damaged: its public half does not match');
  return { keyId: Buffer.from(keyId), privateKey, publicKey };
}

export function parsePublicKey(text: string): MinisignPublicKey {
  // A bare base64 key (as `minisign -P` takes) is accepted too.
  const raw = /^\s*[A-Za-z0-9+/]+=*\s*$/.test(text) ? Buffer.from(text.trim(), 'base64') : base64Line(text, 'public key');
  if (raw.length !== 42) throw new MinisignError(`not a minisign public key: ${raw.length} bytes instead of 42`);
  if (!raw.subarray(0, 2).equals(SIG_ALG)) throw new MinisignError('unsupported minisign signature algorithm (expected Ed25519)');
  return { keyId: Buffer.from(raw.subarray(2, 10)), publicKey: publicKeyFromRaw(Buffer.from(raw.subarray(10))) };
}

/** Reads a key file the user named (`what`: "signing key", "public key"); an unreadable or malformed key is bad input. */
export function readKeyFile<T>(path: string, what: string, parse: (text: string) => T): T {
  const text = readInputFile(path, (reason) => `cannot read the ${what} ${path} (${reason})`, INPUT_KINDS.key);
  try {
    return parse(text);
  } catch (err) {
    if (err instanceof MinisignError) throw new InputError(`${path}: ${err.message}`);
    throw err;
  }
}

function checkComment(comment: string): void {
  if (/[\r\n]/.test(comment)) throw new MinisignError('a minisign comment must be a single line');
}

/** A `.minisig` file for `message`: prehashed Ed25519, deterministic for the same inputs. */
export function signMessage(message: Buffer, key: MinisignSecretKey, trustedComment: string, untrustedComment = 'signature from assay'): string {
  checkComment(trustedComment);
  checkComment(untrustedComment);
  const digest = createHash('blake2b512').update(message).digest();
  const signature = sign(null, digest, key.privateKey);
  const globalSignature = sign(null, Buffer.concat([signature, Buffer.from(trustedComment, 'utf8')]), key.privateKey);
  return [
    `${UNTRUSTED_PREFIX}${untrustedComment}`,
    Buffer.concat([SIG_ALG_PREHASHED, key.keyId, signature]).toString('base64'),
    `${TRUSTED_PREFIX}${trustedComment}`,
    globalSignature.toString('base64'),
    '',
  ].join('\n');
}

export interface SignatureCheck {
  ok: boolean;
  keyId?: string;
  trustedComment?: string;
  problem?: string;
}

/** Reads the key id a signature claims, without checking it. */
export function signatureKeyId(signatureFile: string): string | undefined {
  try {
    const raw = base64Line(signatureFile, 'signature');
    return raw.length === 74 ? formatKeyId(raw.subarray(2, 10)) : undefined;
  } catch {
    return undefined;
  }
}

/** Checks a `.minisig` file the way `minisign -V` does (both signatures, key id, algorithm). */
export function verifyMessage(message: Buffer, signatureFile: string, key: MinisignPublicKey): SignatureCheck {
  let raw: Buffer;
  try {
    raw = base64Line(signatureFile, 'signature');
  } catch (err) {
    return { ok: false, problem: (err as Error).message };
  }
  const lines = signatureFile.split(/\r?\n/);
  if (raw.length !== 74) return { ok: false, problem: `not a minisign signature: ${raw.length} bytes instead of 74` };
  const alg = raw.subarray(0, 2);
  const keyId = formatKeyId(raw.subarray(2, 10));
  if (!alg.equals(SIG_ALG_PREHASHED) && !alg.equals(SIG_ALG)) return { ok: false, keyId, problem: 'unsupported signature algorithm' };
  if (!raw.subarray(2, 10).equals(key.keyId)) {
    return { ok: false, keyId, problem: `signed by key ${keyId}, but the public key given is ${formatKeyId(key.keyId)}` };
  }
  const trustedLine = lines[2] ?? '';
  if (!trustedLine.startsWith(TRUSTED_PREFIX)) return { ok: false, keyId, problem: `the third line must start with "${TRUSTED_PREFIX.trim()}"` };
  const trustedComment = trustedLine.slice(TRUSTED_PREFIX.length).trim();
  const signature = raw.subarray(10);
  const signed = alg.equals(SIG_ALG_PREHASHED) ? createHash('blake2b512').update(message).digest() : message;
  if (!verify(null, signed, key.publicKey, signature)) return { ok: false, keyId, problem: 'the signature does not match the signed file' };
  const globalSignature = Buffer.from((lines[3] ?? '').trim(), 'base64');
  if (globalSignature.length !== 64 || !verify(null, Buffer.concat([signature, Buffer.from(trustedComment, 'utf8')]), key.publicKey, globalSignature)) {
    return { ok: false, keyId, problem: 'the trusted comment was altered' };
  }
  return { ok: true, keyId, trustedComment };
}
