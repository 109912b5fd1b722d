/**
 * Windowing for every list: only the rows inside the window are rendered, so a list of 10,000
 * findings costs what a list of 20 costs. Pure functions, used by the screens' reducers.
 */
import type { ListMove } from './keys.js';

/** Clamps `value` into [min, max] (max below min gives min). */
export function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

/**
 * The first visible line after moving the cursor to `cursorLine`: unchanged while the cursor
 * stays inside the window, otherwise the least scroll that brings it back in.
 */
export function scrollTo(offset: number, cursorLine: number, height: number, lineCount: number): number {
  const h = Math.max(1, height);
  let top = offset;
  if (cursorLine < top) top = cursorLine;
  else if (cursorLine >= top + h) top = cursorLine - h + 1;
  return clamp(top, 0, Math.max(0, lineCount - h));
}

/**
 * For items of different heights (a finding wraps onto several lines): the first visible item
 * such that the cursor item is wholly visible and the window moved as little as possible.
 */
export function scrollToItem(offset: number, cursor: number, heights: readonly number[], height: number): number {
  if (cursor < offset) return cursor;
  let used = 0;
  for (let i = offset; i <= cursor; i++) used += heights[i] ?? 1;
  let top = offset;
  while (used > height && top < cursor) {
    used -= heights[top] ?? 1;
    top++;
  }
  return top;
}

/** The items from `offset` that fit in `height` lines (at least one). */
export function visibleItems(offset: number, heights: readonly number[], height: number): { from: number; to: number } {
  let used = 0;
  let to = offset;
  while (to < heights.length && (used + (heights[to] ?? 1) <= height || to === offset)) {
    used += heights[to] ?? 1;
    to++;
  }
  return { from: offset, to };
}

/** A list of equal-height rows with a cursor and a window over it. */
export interface ListWindow {
  cursor: number;
  offset: number;
  height: number;
}

/** The cursor put on `cursor` (clamped into the list of `count` rows) and the window following it. */
export function placeCursor<S extends ListWindow>(state: S, cursor: number, count: number): S {
  const c = clamp(cursor, 0, Math.max(0, count - 1));
  return { ...state, cursor: c, offset: scrollTo(state.offset, c, state.height, count) };
}

/** A MOVE key on such a list: a row, a page (the window's height), or to either end. */
export function moveCursor<S extends ListWindow>(state: S, move: ListMove, count: number): S {
  switch (move.type) {
    case 'move':
      return placeCursor(state, state.cursor + move.by, count);
    case 'page':
      return placeCursor(state, state.cursor + move.by * state.height, count);
    case 'edge':
      return placeCursor(state, move.to === 'top' ? 0 : count - 1, count);
  }
}

/** `12/5000`: 1-based position of the cursor, or `0/0` for an empty list. */
export function position(cursor: number, count: number): string {
  return count === 0 ? '0/0' : `${cursor + 1}/${count}`;
}
