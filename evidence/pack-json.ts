/**
 * Reading the JSON files of a pack that may have been built to break the reader: text must be
 * valid UTF-8, nesting is bounded (deeper values would exhaust the stack when re-serialised for
 * hashing), and every member verify relies on is checked for its JSON kind before it is used.
 * Each problem names the member and says what is accepted.
 */

/** Deeper than any file Assay writes (a decision event is four levels deep). */
export const MAX_JSON_DEPTH = 64;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The text of `content`, or undefined when it is not valid UTF-8. */
export function decodeUtf8(content: Buffer): string | undefined {
  try {
    return utf8.decode(content);
  } catch {
    return undefined;
  }
}

function depthExceeds(value: unknown, limit: number): boolean {
  // Iterative, so that the check itself cannot exhaust the stack.
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return true;
    for (const inner of Object.values(current as object)) pending.push([inner, depth + 1]);
  }
  return false;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; problem: string };

export function parseJson(text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, problem: `not valid JSON (${(err as Error).message})` };
  }
  if (depthExceeds(value, MAX_JSON_DEPTH)) return { ok: false, problem: `nested more than ${MAX_JSON_DEPTH} levels deep` };
  return { ok: true, value };
}

/** What a JSON value is, for a message: `null`, `a list`, `text ("abc")`, `a number (42)`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `text (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  if (typeof value === 'number') return `a number (${value})`;
  return `${typeof value} (${String(value)})`;
}

/** Checks a value found at `path` (empty at the top); returns one message per problem. */
export type Shape = (value: unknown, path: string) => string[];

function mismatch(value: unknown, path: string, expected: string): string[] {
  return [`${path === '' ? 'it' : JSON.stringify(path)} is ${describeValue(value)}; expected ${expected}`];
}

export const text: Shape = (value, path) => (typeof value === 'string' ? [] : mismatch(value, path, 'text'));

export function wholeNumber(min: number): Shape {
  return (value, path) => (typeof value === 'number' && Number.isSafeInteger(value) && value >= min ? [] : mismatch(value, path, `a whole number from ${min}`));
}

export function literal(...allowed: string[]): Shape {
  return (value, path) => (typeof value === 'string' && allowed.includes(value) ? [] : mismatch(value, path, allowed.map((a) => JSON.stringify(a)).join(' or ')));
}

export function hexDigest(options: { allowEmpty?: boolean } = {}): Shape {
  return (value, path) =>
    typeof value === 'string' && (/^[0-9a-f]{64}$/.test(value) || (options.allowEmpty === true && value === ''))
      ? []
      : mismatch(value, path, `64 lowercase hex digits${options.allowEmpty ? ' (or "" for none)' : ''}`);
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** An object with at least these members (others are ignored, as in every Assay format). */
export function object(members: Record<string, Shape>, options: { nullable?: boolean } = {}): Shape {
  return (value, path) => {
    if (value === null && options.nullable) return [];
    if (!isRecord(value)) return mismatch(value, path, options.nullable ? 'an object or null' : 'an object');
    return Object.entries(members).flatMap(([name, shape]) => shape(value[name], path === '' ? name : `${path}.${name}`));
  };
}

export function list(item: Shape): Shape {
  return (value, path) => (Array.isArray(value) ? value.flatMap((inner, index) => item(inner, `${path}[${index}]`)) : mismatch(value, path, 'a list'));
}
