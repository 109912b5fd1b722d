/** The view's side of long work: progress reports thinned out before they reach the screen. */
import type { Progress } from './deps.js';

/** Progress reaches the screen at most this often; collectors and the pack writer report far more often. */
export const PROGRESS_INTERVAL_MS = 80;

/** Passes a report on at most once per interval, and always the one that finishes the work. */
export function throttleProgress(report: (progress: Progress) => void, now: () => number = Date.now): (progress: Progress) => void {
  let last = Number.NEGATIVE_INFINITY;
  return (progress) => {
    const at = now();
    if (at - last < PROGRESS_INTERVAL_MS && progress.done < progress.total) return;
    last = at;
    report(progress);
  };
}
