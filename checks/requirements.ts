/**
 * Principle: missing data decides only where it could change the verdict. A verdict that needs
 * several facts, each read from its own call, is judged from the facts that are there: one proven
 * unmet requirement fails it whatever else is missing or denied; only when nothing proves a
 * failure does missing input make it unknown (`error`), and input held by another account
 * makes it the assessor's (`manual`). Checks state each requirement separately so that a
 * missing call only ever blocks the requirements that read it.
 */
import { MissingInput } from './context.js';
import { HeldByOtherAccount } from './ownership.js';

/**
 * The value, or the MissingInput (a HeldByOtherAccount among them) that kept it from being read:
 * a check reads everything first and lets what is there decide before what is missing.
 */
export function attempt<T>(read: () => T): T | MissingInput {
  try {
    return read();
  } catch (err) {
    if (err instanceof MissingInput) return err;
    throw err;
  }
}

/** One requirement: undefined when met, why not otherwise; throws MissingInput when its input is absent. */
export type Requirement = () => string | undefined;

export type Judgement =
  | { kind: 'met' }
  | { kind: 'unmet'; reasons: string[] }
  | { kind: 'unknown'; missing: MissingInput[] }
  | { kind: 'elsewhere'; held: HeldByOtherAccount[] };

/** Judges every requirement: unmet outranks unknown, which outranks held elsewhere, which outranks met. */
export function judgeAll(requirements: readonly Requirement[]): Judgement {
  const reasons: string[] = [];
  const missing: MissingInput[] = [];
  const held: HeldByOtherAccount[] = [];
  for (const requirement of requirements) {
    const why = attempt(requirement);
    if (why instanceof HeldByOtherAccount) held.push(why);
    else if (why instanceof MissingInput) missing.push(why);
    else if (why !== undefined) reasons.push(why);
  }
  if (reasons.length > 0) return { kind: 'unmet', reasons };
  if (missing.length > 0) return { kind: 'unknown', missing };
  if (held.length > 0) return { kind: 'elsewhere', held };
  return { kind: 'met' };
}
