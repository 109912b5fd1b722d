/**
 * CloudWatch Logs JSON filter patterns (`{ ($.eventName = X) || ... }`): a parser into an AST, a
 * canonical form, and the coverage test the 5.x checks use to compare a recorded metric filter
 * with the benchmark's pattern by meaning rather than by text.
 *
 * Semantics follow the CloudWatch Logs filter syntax: `&&` binds tighter than `||`, parentheses
 * group, string values may be quoted or bare, a leading or trailing `*` in a string is a wildcard,
 * `<`, `>`, `<=`, `>=` compare numbers only.
 */

export type ComparisonOp = '=' | '!=' | '<' | '>' | '<=' | '>=';

/** A string value; `*` at either end is a wildcard, elsewhere it is a literal character. */
export interface StringValue {
  kind: 'string';
  text: string;
  leadingWildcard: boolean;
  trailingWildcard: boolean;
}

export interface NumberValue {
  kind: 'number';
  value: number;
}

export type Value = StringValue | NumberValue;

export type Atom =
  | { type: 'compare'; selector: string; op: ComparisonOp; value: Value }
  | { type: 'exists'; selector: string }
  | { type: 'notExists'; selector: string }
  | { type: 'is'; selector: string; what: 'NULL' | 'TRUE' | 'FALSE' };

export type FilterNode = { type: 'and'; operands: FilterNode[] } | { type: 'or'; operands: FilterNode[] } | { type: 'atom'; atom: Atom };

/** A pattern that is not valid CloudWatch Logs JSON filter syntax. */
export class FilterPatternError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} (at character ${position + 1})`);
    this.name = 'FilterPatternError';
  }
}

/** A valid filter that is not a JSON pattern (a text-term or space-delimited pattern). */
export class NotJsonPatternError extends Error {
  constructor(pattern: string) {
    super(pattern.trim() === '' ? 'the empty pattern matches every log event' : 'not a JSON filter pattern (it does not start with "{")');
    this.name = 'NotJsonPatternError';
  }
}

type Token =
  | { kind: 'lbrace' | 'rbrace' | 'lparen' | 'rparen' | 'and' | 'or'; pos: number }
  | { kind: 'op'; op: ComparisonOp; pos: number }
  | { kind: 'selector'; text: string; pos: number }
  | { kind: 'quoted'; text: string; pos: number }
  | { kind: 'word'; text: string; pos: number };

const SELECTOR = /^\$(?:\.[A-Za-z0-9_-]+|\[\d+\])*/;
// Bare values run until whitespace or a character that has a meaning in the syntax.
const BARE_WORD = /^[^\s(){}&|"=!<>]+/;
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = pattern.slice(i);
    const two = rest.slice(0, 2);
    if (ch === '{') tokens.push({ kind: 'lbrace', pos: i++ });
    else if (ch === '}') tokens.push({ kind: 'rbrace', pos: i++ });
    else if (ch === '(') tokens.push({ kind: 'lparen', pos: i++ });
    else if (ch === ')') tokens.push({ kind: 'rparen', pos: i++ });
    else if (two === '&&') {
      tokens.push({ kind: 'and', pos: i });
      i += 2;
    } else if (two === '||') {
      tokens.push({ kind: 'or', pos: i });
      i += 2;
    } else if (two === '!=' || two === '<=' || two === '>=') {
      tokens.push({ kind: 'op', op: two, pos: i });
      i += 2;
    } else if (ch === '=' || ch === '<' || ch === '>') {
      tokens.push({ kind: 'op', op: ch, pos: i++ });
    } else if (ch === '"') {
      let text = '';
      let j = i + 1;
      for (; j < pattern.length && pattern[j] !== '"'; j++) {
        if (pattern[j] === '\\' && j + 1 < pattern.length) j++;
        text += pattern[j];
      }
      if (j >= pattern.length) throw new FilterPatternError('unterminated quoted string', i);
      tokens.push({ kind: 'quoted', text, pos: i });
      i = j + 1;
    } else if (ch === '$') {
      const m = SELECTOR.exec(rest);
      if (!m || m[0] === '$') throw new FilterPatternError('a selector needs a property after "$", such as $.eventName', i);
      tokens.push({ kind: 'selector', text: m[0], pos: i });
      i += m[0].length;
    } else {
      const m = BARE_WORD.exec(rest);
      if (!m) throw new FilterPatternError(`unexpected character "${ch}"`, i);
      tokens.push({ kind: 'word', text: m[0], pos: i });
      i += m[0].length;
    }
  }
  return tokens;
}

function stringValue(raw: string): StringValue {
  const leadingWildcard = raw.startsWith('*');
  const trailingWildcard = raw.length > 1 && raw.endsWith('*');
  const text = raw.slice(leadingWildcard ? 1 : 0, trailingWildcard ? -1 : undefined);
  return { kind: 'string', text, leadingWildcard: leadingWildcard || raw === '*', trailingWildcard: trailingWildcard || raw === '*' };
}

/** The condition `selector = "text"` with an exact (wildcard-free) value. */
export function equalsCondition(selector: string, text: string): Atom {
  return { type: 'compare', selector, op: '=', value: { kind: 'string', text, leadingWildcard: false, trailingWildcard: false } };
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
  private where(): number {
    return this.peek()?.pos ?? this.length;
  }
  private expect(kind: Token['kind'], what: string): Token {
    const t = this.peek();
    if (!t || t.kind !== kind) throw new FilterPatternError(`expected ${what}`, this.where());
    this.i++;
    return t;
  }

  parsePattern(): FilterNode {
    this.expect('lbrace', '"{" to open a JSON pattern');
    if (this.peek()?.kind === 'rbrace') throw new FilterPatternError('the pattern has no condition', this.where());
    const node = this.parseOr();
    this.expect('rbrace', '"&&", "||" or "}"');
    if (this.peek()) throw new FilterPatternError('text after the closing "}"', this.where());
    return node;
  }

  private parseOr(): FilterNode {
    const operands = [this.parseAnd()];
    while (this.peek()?.kind === 'or') {
      this.i++;
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0]! : { type: 'or', operands };
  }

  private parseAnd(): FilterNode {
    const operands = [this.parseUnary()];
    while (this.peek()?.kind === 'and') {
      this.i++;
      operands.push(this.parseUnary());
    }
    return operands.length === 1 ? operands[0]! : { type: 'and', operands };
  }

  private parseUnary(): FilterNode {
    if (this.peek()?.kind === 'lparen') {
      this.i++;
      const inner = this.parseOr();
      this.expect('rparen', '")" to close "("');
      return inner;
    }
    return { type: 'atom', atom: this.parseCondition() };
  }

  private parseCondition(): Atom {
    const sel = this.peek();
    if (!sel || sel.kind !== 'selector') throw new FilterPatternError('expected a condition starting with a selector such as $.eventName', this.where());
    this.i++;
    const selector = sel.text;
    const next = this.peek();
    if (next?.kind === 'word') {
      const keyword = next.text.toUpperCase();
      if (keyword === 'EXISTS') {
        this.i++;
        return { type: 'exists', selector };
      }
      if (keyword === 'NOT') {
        this.i++;
        const word = this.peek();
        if (word?.kind !== 'word' || word.text.toUpperCase() !== 'EXISTS') throw new FilterPatternError('expected EXISTS after NOT', this.where());
        this.i++;
        return { type: 'notExists', selector };
      }
      if (keyword === 'IS') {
        this.i++;
        const word = this.peek();
        const what = word?.kind === 'word' ? word.text.toUpperCase() : '';
        if (what !== 'NULL' && what !== 'TRUE' && what !== 'FALSE') throw new FilterPatternError('expected NULL, TRUE or FALSE after IS', this.where());
        this.i++;
        return { type: 'is', selector, what };
      }
    }
    if (next?.kind !== 'op') throw new FilterPatternError(`expected a comparison operator after ${selector}`, this.where());
    this.i++;
    const raw = this.peek();
    if (!raw || (raw.kind !== 'word' && raw.kind !== 'quoted')) throw new FilterPatternError(`expected a value after ${next.op}`, this.where());
    this.i++;
    const numeric = raw.kind === 'word' && NUMBER.test(raw.text);
    if (next.op !== '=' && next.op !== '!=' && !numeric) {
      throw new FilterPatternError(`"${next.op}" compares numbers, but "${raw.text}" is not a number`, raw.pos);
    }
    const value: Value = numeric ? { kind: 'number', value: Number(raw.text) } : stringValue(raw.text);
    return { type: 'compare', selector, op: next.op, value };
  }
}

/** Parses a JSON filter pattern; throws NotJsonPatternError or FilterPatternError. */
export function parseFilterPattern(pattern: string): FilterNode {
  if (!pattern.trim().startsWith('{')) throw new NotJsonPatternError(pattern);
  return new Parser(tokenize(pattern), pattern.length).parsePattern();
}

function formatValue(value: Value): string {
  if (value.kind === 'number') return String(value.value);
  const text = `${value.leadingWildcard ? '*' : ''}${value.text}${value.trailingWildcard && value.text !== '' ? '*' : ''}`;
  return JSON.stringify(text);
}

/** One condition in the canonical spelling: `$.sel = "value"`, quotes always, numbers normalised. */
export function formatAtom(atom: Atom): string {
  switch (atom.type) {
    case 'compare':
      return `${atom.selector} ${atom.op} ${formatValue(atom.value)}`;
    case 'exists':
      return `${atom.selector} EXISTS`;
    case 'notExists':
      return `${atom.selector} NOT EXISTS`;
    case 'is':
      return `${atom.selector} IS ${atom.what}`;
  }
}

/**
 * The canonical form: nested && and || flattened, duplicate operands dropped, operands sorted,
 * every value quoted. Two patterns with the same canonical form match exactly the same events.
 */
export function canonicalize(node: FilterNode): string {
  if (node.type === 'atom') return formatAtom(node.atom);
  const operands = new Set<string>();
  const collect = (n: FilterNode) => {
    if (n.type === node.type) n.operands.forEach(collect);
    else operands.add(canonicalize(n));
  };
  node.operands.forEach(collect);
  const sorted = [...operands].sort();
  if (sorted.length === 1) return sorted[0]!;
  return `(${sorted.join(node.type === 'and' ? ' && ' : ' || ')})`;
}

/** A conjunction of conditions: one way an event can match a pattern. */
export type Term = Atom[];

const MAX_TERMS = 4096;

/** The pattern as an OR of ANDs (disjunctive normal form). */
export function toTerms(node: FilterNode): Term[] {
  if (node.type === 'atom') return [[node.atom]];
  if (node.type === 'or') return node.operands.flatMap(toTerms);
  let terms: Term[] = [[]];
  for (const operand of node.operands) {
    const next: Term[] = [];
    for (const left of terms) for (const right of toTerms(operand)) next.push([...left, ...right]);
    if (next.length > MAX_TERMS) throw new FilterPatternError(`the pattern expands to more than ${MAX_TERMS} alternatives`, 0);
    terms = next;
  }
  return terms;
}

function formatTerm(term: Term): string {
  return [...new Set(term.map(formatAtom))].sort().join(' && ');
}

function matchesLiteral(pattern: StringValue, literal: string): boolean {
  if (pattern.leadingWildcard && pattern.trailingWildcard) return literal.includes(pattern.text);
  if (pattern.leadingWildcard) return literal.endsWith(pattern.text);
  if (pattern.trailingWildcard) return literal.startsWith(pattern.text);
  return literal === pattern.text;
}

const isExact = (v: StringValue) => !v.leadingWildcard && !v.trailingWildcard;

/** Every string `inner` matches is also matched by `outer`. */
function stringWithin(inner: StringValue, outer: StringValue): boolean {
  if (isExact(inner)) return matchesLiteral(outer, inner.text);
  if (outer.leadingWildcard && outer.trailingWildcard) return inner.text.includes(outer.text);
  if (isExact(outer)) return false;
  if (outer.leadingWildcard) return !inner.trailingWildcard && inner.text.endsWith(outer.text);
  return !inner.leadingWildcard && inner.text.startsWith(outer.text);
}

/** No string is matched by both. */
function stringsDisjoint(a: StringValue, b: StringValue): boolean {
  if (isExact(a)) return !matchesLiteral(b, a.text);
  if (isExact(b)) return !matchesLiteral(a, b.text);
  const prefix = (v: StringValue) => v.trailingWildcard && !v.leadingWildcard;
  const suffix = (v: StringValue) => v.leadingWildcard && !v.trailingWildcard;
  if (prefix(a) && prefix(b)) return !a.text.startsWith(b.text) && !b.text.startsWith(a.text);
  if (suffix(a) && suffix(b)) return !a.text.endsWith(b.text) && !b.text.endsWith(a.text);
  return false;
}

interface Interval {
  lo: number;
  loIncl: boolean;
  hi: number;
  hiIncl: boolean;
}

function numericInterval(op: ComparisonOp, n: number): Interval | undefined {
  switch (op) {
    case '=':
      return { lo: n, loIncl: true, hi: n, hiIncl: true };
    case '<':
      return { lo: -Infinity, loIncl: false, hi: n, hiIncl: false };
    case '<=':
      return { lo: -Infinity, loIncl: false, hi: n, hiIncl: true };
    case '>':
      return { lo: n, loIncl: false, hi: Infinity, hiIncl: false };
    case '>=':
      return { lo: n, loIncl: true, hi: Infinity, hiIncl: false };
    case '!=':
      return undefined;
  }
}

function intervalWithin(inner: Interval, outer: Interval): boolean {
  const loOk = inner.lo > outer.lo || (inner.lo === outer.lo && (outer.loIncl || !inner.loIncl));
  const hiOk = inner.hi < outer.hi || (inner.hi === outer.hi && (outer.hiIncl || !inner.hiIncl));
  return loOk && hiOk;
}

function contains(interval: Interval, n: number): boolean {
  return (n > interval.lo || (n === interval.lo && interval.loIncl)) && (n < interval.hi || (n === interval.hi && interval.hiIncl));
}

/** The value is known to be present (the selector points at something). */
const asserts = (a: Atom) => a.type === 'exists' || a.type === 'is' || (a.type === 'compare' && a.op !== '!=');

/** Does the one condition `given` guarantee the condition `wanted` (same selector)? */
function atomEntails(given: Atom, wanted: Atom): boolean {
  if (formatAtom(given) === formatAtom(wanted)) return true;
  if (wanted.type === 'exists') return asserts(given);
  if (wanted.type !== 'compare' || given.type !== 'compare') return false;
  const g = given.value;
  const w = wanted.value;
  if (g.kind === 'string' && w.kind === 'string') {
    if (given.op === '=' && wanted.op === '=') return stringWithin(g, w);
    if (given.op === '=' && wanted.op === '!=') return stringsDisjoint(g, w);
    if (given.op === '!=' && wanted.op === '!=') return stringWithin(w, g);
    return false;
  }
  if (g.kind === 'number' && w.kind === 'number') {
    const gi = numericInterval(given.op, g.value);
    if (wanted.op === '!=') return gi !== undefined && !contains(gi, w.value);
    const wi = numericInterval(wanted.op, w.value);
    return gi !== undefined && wi !== undefined && intervalWithin(gi, wi);
  }
  return false;
}

/** No event satisfies both conditions (same selector). */
function atomsConflict(a: Atom, b: Atom): boolean {
  if ((a.type === 'notExists' && asserts(b)) || (b.type === 'notExists' && asserts(a))) return true;
  if (a.type !== 'compare' || b.type !== 'compare') return false;
  if (a.value.kind === 'string' && b.value.kind === 'string') {
    if (a.op === '=' && b.op === '=') return stringsDisjoint(a.value, b.value);
    if (a.op === '=' && b.op === '!=') return stringWithin(a.value, b.value);
    if (a.op === '!=' && b.op === '=') return stringWithin(b.value, a.value);
  }
  return false;
}

/** Every event matching all of `term` also matches `condition`. */
function termEntails(term: Term, condition: Atom): boolean {
  return term.some((given) => given.selector === condition.selector && atomEntails(given, condition));
}

/** Some event can match every condition of the term. */
function satisfiable(term: Term): boolean {
  return term.every((a, i) => term.slice(i + 1).every((b) => a.selector !== b.selector || !atomsConflict(a, b)));
}

/**
 * A condition that names something the event must be or have. An alternative made only of
 * exclusions (`!=`, NOT EXISTS) or bare wildcards selects almost every event: a catch-all.
 */
const isPositive = (a: Atom) =>
  a.type === 'is' || (a.type === 'compare' && a.op !== '!=' && !(a.value.kind === 'string' && a.value.text === '' && a.value.leadingWildcard));

export interface Coverage {
  covered: boolean;
  /** The required cases (as canonical conjunctions) no alternative of the filter catches. */
  missing: string[];
  /** The filter matches more than the required pattern (extra alternatives or fewer conditions). */
  broader: boolean;
}

/** The cases of `wanted` that no single alternative of `catcher` catches. */
function uncaught(catcher: Term[], wanted: Term[], refuseCatchAll: boolean, assumed: Atom[]): Term[] {
  const selective = (alt: Term) => alt.some((a) => !assumed.includes(a) && isPositive(a));
  return wanted.filter((term) => !catcher.some((alt) => (!refuseCatchAll || selective(alt)) && alt.every((condition) => termEntails(term, condition))));
}

/**
 * Whether a filter catches every event the required pattern catches. The filter may catch more
 * (extra OR alternatives, or dropped exclusions), but each required case must be caught by one
 * alternative of the filter with at least one positive condition — an alternative of bare `*`,
 * EXISTS or exclusions only is a catch-all, not monitoring. `assumed` are facts every relevant
 * event carries (such as its eventSource), added to each case of both patterns before comparing.
 * Not complete: a required case split across several filter alternatives is reported missing.
 */
export function coverage(filter: FilterNode, required: FilterNode, assumed: Atom[] = []): Coverage {
  const expand = (node: FilterNode) =>
    toTerms(node)
      .map((t) => [...t, ...assumed])
      .filter(satisfiable);
  const filterTerms = expand(filter);
  const requiredTerms = expand(required);
  const missing = uncaught(filterTerms, requiredTerms, true, assumed).map((t) => formatTerm(t.filter((a) => !assumed.includes(a))));
  const broader = missing.length === 0 && uncaught(requiredTerms, filterTerms, false, assumed).length > 0;
  return { covered: missing.length === 0, missing, broader };
}
