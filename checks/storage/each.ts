import { MissingInput, missingFinding } from '../context.js';
import type { Finding } from '../types.js';

/**
 * Judges each item on its own: when one item's input is missing or denied it becomes an
 * `error` finding naming the call (about the item's resource, when `resourceOf` names it), and
 * the remaining items are still judged.
 */
export function judgeEach<T>(items: readonly T[], judge: (item: T) => Finding[], resourceOf?: (item: T) => string): Finding[] {
  return items.flatMap((item) => {
    try {
      return judge(item);
    } catch (err) {
      if (!(err instanceof MissingInput)) throw err;
      const finding = missingFinding(err);
      return [resourceOf ? { ...finding, resource: resourceOf(item) } : finding];
    }
  });
}
