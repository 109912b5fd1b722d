/**
 * Screen sizes. The live frame stays one line shorter than the terminal (a taller frame makes
 * Ink clear and redraw the whole screen); each screen's list gets what its chrome leaves.
 */

/** Below this the screens cannot lay out; a notice asks for a bigger window instead. */
export const MIN_WIDTH = 60;
export const MIN_HEIGHT = 16;

/** Lines the frame may use. */
export function frameHeight(terminalRows: number): number {
  return Math.max(1, terminalRows - 1);
}

/** Title, counts, filters, column heads above the list; status and keys below it. */
export const WALK_CHROME = 6;
/** Title, automated result, decision, pane tabs above; status and keys below. */
export const DETAIL_CHROME = 6;
/** Title, column heads above; two lines on the selected assessment, status and keys below. */
export const HOME_CHROME = 6;
/** Title and a summary line above; keys below. The list gets half of the rest, the changes of the selected row the other half. */
export const DRIFT_CHROME = 4;

/** Title, score and counts, column heads above the table; status and keys below. */
export const WORKPAPER_CHROME = 6;
/** Title, three lines of explanation, the file field and its completions above what was imported; the "more" line, a three-line message and keys below. */
export const IMPORT_CHROME = 12;

export function driftListHeight(terminalRows: number): number {
  return Math.max(3, Math.floor(listHeight(terminalRows, DRIFT_CHROME) / 2));
}

export function listHeight(terminalRows: number, chrome: number): number {
  return Math.max(3, frameHeight(terminalRows) - chrome);
}
