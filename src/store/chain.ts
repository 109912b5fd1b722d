import { createHash } from 'node:crypto';
import type { HistoryEvent } from '../model.js';

/** The `prevHash` of an assessment's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth and undefined members left out, so the same event
 * always hashes the same, wherever it is re-serialised (the store, history.jsonl in a pack).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort()
        .map((key) => [key, sortKeys(record[key])]),
    );
  }
  return value;
}

/** An event of any kind before its hash is known. */
export type UnhashedEvent = HistoryEvent extends infer E ? (E extends HistoryEvent ? Omit<E, 'hash'> : never) : never;

/**
 * SHA-256 (hex) over the canonical JSON of the event's fields except `hash` itself. A decision
 * hashes exactly as it did before other kinds joined the chain (it has no `kind`), so histories
 * written earlier still verify; attach, detach and scan events also cover their kind and payload.
 */
export function eventHash(event: UnhashedEvent): string {
  const { seq, assessmentId, recId, actor, at, prevHash } = event;
  const fields =
    event.kind === undefined
      ? { seq, assessmentId, recId, actor, at, before: event.before, after: event.after, prevHash }
      : { seq, assessmentId, recId, actor, at, prevHash, kind: event.kind, ...(event.kind === 'scan' ? { snapshot: event.snapshot } : { evidence: event.evidence, reason: event.reason }) };
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

export interface ChainProblem {
  /** 1-based position of the row as given (the line of history.jsonl; in the store, by seq). */
  position: number;
  seq?: number;
  kind: 'edited' | 'deleted' | 'inserted' | 'reordered';
  detail: string;
}

/** Where the store says the chain ends; lets a removed last row be noticed. */
export interface ChainHead {
  length: number;
  hash: string;
}

/** Indexes of a longest run of rows already in seq order (non-decreasing): the rows that were not moved. */
function rowsInOrder(seqs: readonly number[]): Set<number> {
  const tails: number[] = [];
  const before = new Array<number>(seqs.length).fill(-1);
  seqs.forEach((seq, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (seqs[tails[mid]!]! <= seq) low = mid + 1;
      else high = mid;
    }
    before[index] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let index = tails.length > 0 ? tails[tails.length - 1]! : -1; index >= 0; index = before[index]!) kept.add(index);
  return kept;
}

/** Whether exchanging rows `first` and `first + 1` puts that stretch back in order. */
function swappedPair(seqs: readonly number[], first: number): boolean {
  const [a, b] = [seqs[first]!, seqs[first + 1]!];
  return a > b && (first === 0 || seqs[first - 1]! <= b) && (first + 2 >= seqs.length || a <= seqs[first + 2]!);
}

/**
 * Rows that stand out of seq order, each named once: two neighbours swapped, or one row moved
 * (the rows between stay where they were, so they are not blamed).
 */
function orderProblems(events: readonly HistoryEvent[]): ChainProblem[] {
  const seqs = events.map((event) => event.seq);
  const sorted = [...seqs].sort((a, b) => a - b);
  const kept = rowsInOrder(seqs);
  const reported = new Set<number>();
  const problems: ChainProblem[] = [];
  seqs.forEach((seq, index) => {
    if (kept.has(index) || reported.has(index)) return;
    const first = [index - 1, index].find((i) => i >= 0 && i + 1 < seqs.length && !reported.has(i) && !reported.has(i + 1) && swappedPair(seqs, i));
    if (first !== undefined) {
      reported.add(first).add(first + 1);
      problems.push({
        position: first + 1,
        seq: seqs[first],
        kind: 'reordered',
        detail: `rows ${first + 1} and ${first + 2} are swapped: seq ${seqs[first + 1]} belongs before seq ${seqs[first]}`,
      });
      return;
    }
    reported.add(index);
    problems.push({ position: index + 1, seq, kind: 'reordered', detail: `row seq ${seq} stands at position ${index + 1}; by its seq it belongs at position ${sorted.indexOf(seq) + 1}` });
  });
  return problems;
}

/**
 * Checks one assessment's events, given in stored order. Rows out of seq order are reported as
 * such; the chain itself is then checked in seq order, so a move does not also read as edits.
 * Each row must hash to its own `hash`, link to the previous row's hash and carry the next seq. A
 * row whose hash no longer matches was edited; a row that matches itself but not its successor's
 * link was edited and re-hashed; a gap in seq means rows were deleted; rows past the recorded
 * head were inserted.
 */
export function verifyChain(events: readonly HistoryEvent[], head?: ChainHead): ChainProblem[] {
  const problems = orderProblems(events);
  // Array.prototype.sort is stable: rows with the same seq keep their order.
  const bySeq = events.map((event, index) => ({ event, position: index + 1 })).sort((a, b) => a.event.seq - b.event.seq);
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let previous: { event: HistoryEvent; position: number } | undefined;
  for (const row of bySeq) {
    const { event, position } = row;
    if (event.seq < expectedSeq) {
      problems.push({ position, seq: event.seq, kind: 'inserted', detail: `a second row with seq ${event.seq}${previous ? ` (the first is at position ${previous.position})` : ''}` });
      continue;
    }
    if (event.seq > expectedSeq) {
      const missing = event.seq - expectedSeq;
      problems.push({
        position,
        seq: expectedSeq,
        kind: 'deleted',
        detail: `${missing === 1 ? `row ${expectedSeq} is` : `rows ${expectedSeq}–${event.seq - 1} are`} missing before seq ${event.seq}`,
      });
    }
    const selfConsistent = eventHash(event) === event.hash;
    if (!selfConsistent) {
      problems.push({ position, seq: event.seq, kind: 'edited', detail: `seq ${event.seq}${describe(event)} no longer matches its hash: its content was changed` });
    }
    // A broken link after a seq gap is the gap's doing, already reported as a deletion.
    if (event.prevHash !== prevHash && event.seq === expectedSeq && selfConsistent) {
      if (previous && eventHash(previous.event) === previous.event.hash) {
        problems.push({
          position: previous.position,
          seq: previous.event.seq,
          kind: 'edited',
          detail: `seq ${previous.event.seq}${describe(previous.event)} was changed and re-hashed: seq ${event.seq} links to a different hash`,
        });
      } else {
        problems.push({ position, seq: event.seq, kind: 'edited', detail: `seq ${event.seq} links to a hash that is not its predecessor's` });
      }
    }
    prevHash = event.hash;
    expectedSeq = event.seq + 1;
    previous = row;
  }
  const lastSeq = expectedSeq - 1;
  if (head) {
    if (head.length > events.length && lastSeq < head.length) {
      problems.push({
        position: events.length + 1,
        seq: expectedSeq,
        kind: 'deleted',
        detail: `the history should hold ${head.length} rows; the last ${head.length - lastSeq} ${head.length - lastSeq === 1 ? 'is' : 'are'} missing`,
      });
    } else if (lastSeq > head.length) {
      problems.push({ position: head.length + 1, seq: head.length + 1, kind: 'inserted', detail: `rows after seq ${head.length} were added outside Assay` });
    } else if (previous && lastSeq === head.length && prevHash !== head.hash) {
      problems.push({ position: previous.position, seq: previous.event.seq, kind: 'edited', detail: 'the last row differs from the one Assay wrote' });
    }
  }
  return problems.sort((a, b) => a.position - b.position);
}

/** " (2.9)" for a row about one recommendation, " (scan)" for a scan. */
function describe(event: HistoryEvent): string {
  const what = [event.kind, event.recId].filter(Boolean).join(' ');
  return what ? ` (${what})` : '';
}
