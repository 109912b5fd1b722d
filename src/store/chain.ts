import { createHash } from 'node:crypto';
import type { DecisionEvent } from '../model.js';

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

/** SHA-256 (hex) over the canonical JSON of every field of the event except `hash` itself. */
export function eventHash(event: Omit<DecisionEvent, 'hash'>): string {
  const { seq, assessmentId, recId, actor, at, before, after, prevHash } = event;
  return createHash('sha256')
    .update(canonicalJson({ seq, assessmentId, recId, actor, at, before, after, prevHash }))
    .digest('hex');
}

export interface ChainProblem {
  /** 1-based position in the chain as it should be (by seq). */
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

/**
 * Checks one assessment's events, given in stored order. Each row must hash to its own `hash`,
 * link to the previous row's hash and carry the next seq. A row whose hash no longer matches was
 * edited; a row that matches itself but not its successor's link was edited and re-hashed; a gap
 * in seq means rows were deleted; rows past the recorded head were inserted.
 */
export function verifyChain(events: readonly DecisionEvent[], head?: ChainHead): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  events.forEach((event, index) => {
    const position = index + 1;
    if (event.seq < expectedSeq) {
      problems.push({ position, seq: event.seq, kind: 'reordered', detail: `row with seq ${event.seq} stands after seq ${expectedSeq - 1}` });
    } else if (event.seq > expectedSeq) {
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
      problems.push({ position, seq: event.seq, kind: 'edited', detail: `seq ${event.seq} (${event.recId}) no longer matches its hash: its content was changed` });
    }
    // A broken link after a seq gap is the gap's doing, already reported as a deletion.
    if (event.prevHash !== prevHash && event.seq === expectedSeq && selfConsistent) {
      const previous = index > 0 ? events[index - 1]! : undefined;
      if (previous && eventHash(previous) === previous.hash) {
        problems.push({
          position: position - 1,
          seq: previous.seq,
          kind: 'edited',
          detail: `seq ${previous.seq} (${previous.recId}) was changed and re-hashed: seq ${event.seq} links to a different hash`,
        });
      } else {
        problems.push({ position, seq: event.seq, kind: 'edited', detail: `seq ${event.seq} links to a hash that is not its predecessor's` });
      }
    }
    prevHash = event.hash;
    expectedSeq = Math.max(expectedSeq, event.seq) + 1;
  });
  if (head) {
    if (head.length > events.length && expectedSeq - 1 < head.length) {
      problems.push({
        position: events.length + 1,
        seq: expectedSeq,
        kind: 'deleted',
        detail: `the history should hold ${head.length} rows; the last ${head.length - (expectedSeq - 1)} ${head.length - (expectedSeq - 1) === 1 ? 'is' : 'are'} missing`,
      });
    } else if (expectedSeq - 1 > head.length) {
      problems.push({ position: head.length + 1, seq: head.length + 1, kind: 'inserted', detail: `rows after seq ${head.length} were added outside Assay` });
    } else if (events.length > 0 && expectedSeq - 1 === head.length && prevHash !== head.hash) {
      problems.push({ position: events.length, seq: events[events.length - 1]!.seq, kind: 'edited', detail: 'the last row differs from the one Assay wrote' });
    }
  }
  return problems;
}
