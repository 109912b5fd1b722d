import { MissingInput, missingFinding } from '../context.js';
import type { Finding } from '../types.js';

/**
 * Judges each item on its own: when one item's input is missing or denied it becomes an
 * `error` finding naming the call, and the remaining items are still judged.
 */
export function judgeEach<T>(items: readonly T[], judge: (item: T) => Finding[]): Finding[] {
  return items.flatMap((item) => {
    try {
      return judge(item);
    } catch (err) {
      if (err instanceof MissingInput) return [missingFinding(err)];
      throw err;
    }
  });
}
