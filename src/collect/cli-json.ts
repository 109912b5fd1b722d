/**
 * SDK v3 outputs in the form the AWS CLI prints them (DESIGN.md ⚑ snapshot): timestamps as
 * ISO-8601 strings, binary members as base64, IAM policy documents decoded into JSON objects,
 * and no `$metadata`.
 */

// IAM returns these members URL-encoded; the CLI prints them as JSON.
const IAM_POLICY_DOCUMENTS = new Set(['Document', 'PolicyDocument', 'AssumeRolePolicyDocument']);

/** A timestamp as the CLI prints it: `2026-11-20T09:30:00+00:00`, with microseconds when there are any. */
export function cliTimestamp(date: Date): string {
  const iso = date.toISOString(); // 2026-11-20T09:30:00.123Z
  const ms = iso.slice(20, 23);
  return `${iso.slice(0, 19)}${ms === '000' ? '' : `.${ms}000`}+00:00`;
}

function decodePolicyDocument(text: string): unknown {
  try {
    return JSON.parse(decodeURIComponent(text));
  } catch {
    return text;
  }
}

export function toCliJson(service: string, output: unknown): unknown {
  const convert = (value: unknown, key?: string): unknown => {
    if (value instanceof Date) return cliTimestamp(value);
    if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
    if (typeof value === 'string' && service === 'iam' && key !== undefined && IAM_POLICY_DOCUMENTS.has(key)) return decodePolicyDocument(value);
    if (Array.isArray(value)) return value.map((v) => convert(v));
    if (value && typeof value === 'object') {
      const result: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (k === '$metadata' || v === undefined) continue;
        result[k] = convert(v, k);
      }
      return result;
    }
    return value;
  };
  return convert(output);
}
