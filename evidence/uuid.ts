import { createHash } from 'node:crypto';

/** Assay's namespace for name-based UUIDs: itself the v5 UUID of a fixed URL in the RFC's URL namespace. */
export const ASSAY_UUID_NAMESPACE = uuidV5('https://assay.invalid/evidence-pack', '6ba7b811-9dad-11d1-80b4-00c04fd430c8');

/**
 * RFC 9562 version-5 UUID: SHA-1 over the namespace's 16 bytes and the name. The same name
 * always gives the same UUID, which is what makes OSCAL exports reproducible.
 */
export function uuidV5(name: string, namespace: string = ASSAY_UUID_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`not a UUID: ${namespace}`);
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
