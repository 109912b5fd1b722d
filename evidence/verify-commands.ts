/**
 * The commands a reviewer runs to check a pack, with stock tools in the extracted folder or with
 * Assay: written once, for the pack's index.html and for what `assay verify` prints.
 */
import { SIGNATURE_FILE, SUMS_FILE } from './manifest.js';

/** The key a pack is signed with, as its verify steps name it. */
export interface PackSigner {
  /** As minisign prints it: 16 hex digits. */
  keyId: string;
  /** The public key's file name, as `assay keygen` writes it beside the secret key: `<secret key file>.pub`. */
  publicKeyFile: string;
}

/** `text` as one word for a POSIX shell: as it is when that is safe, else single-quoted. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9._/+=:@%,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Checks every file SHA256SUMS lists: a changed or missing one fails. */
export const SUMS_COMMAND = `sha256sum -c ${SUMS_FILE}`;

/**
 * Prints every file on disk that SHA256SUMS does not list (an added file), nothing for an intact
 * pack; `sha256sum -c` cannot notice those. SHA256SUMS lists every file but itself and its
 * signature, one "<64 hex digits><2 spaces><path>" line each, so the path starts at column 67;
 * grep takes the newline-separated paths as its fixed whole-line patterns. Links, FIFOs and the
 * like are listed too (`! -type d`), and only the top-level integrity files are left out (`-path`,
 * not `-name`, so a SHA256SUMS added in a sub-folder shows). POSIX sh, no temporary file.
 */
export const EXTRA_FILES_COMMAND = `find . ! -type d ! -path ./${SUMS_FILE} ! -path ./${SIGNATURE_FILE} | cut -c3- | grep -vxF "$(cut -c67- ${SUMS_FILE})"`;

/** Checks the signature of SHA256SUMS with the public key in `publicKeyFile`. */
export function minisignCommand(publicKeyFile: string): string {
  return `minisign -V -p ${shellWord(publicKeyFile)} -m ${SUMS_FILE}`;
}

/** Does every check at once, on the zip or the extracted folder. */
export function assayVerifyCommand(pack: string, publicKeyFile: string): string {
  return `assay verify ${shellWord(pack)} --pubkey ${shellWord(publicKeyFile)}`;
}
