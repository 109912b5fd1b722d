/** The workpaper: all recommendations in one table with the compliance score, as the pack's workpaper.csv. */
import { Box, Text } from 'ink';
import { useEffect } from 'react';
import { FieldView, Footer, StatusLine, T, TitleBar } from '../components/ui.js';
import { detailEntry } from '../entries.js';
import { moveList, resolve } from '../keys.js';
import { listHeight, WORKPAPER_CHROME } from '../layout.js';
import { useNav, useScreen, type Entry, type ScreenHandle } from '../nav.js';
import { columnText, currentRow, scoreLine, workpaperColumns, type Column, type WorkpaperState } from '../state/workpaper.js';
import { useStore } from '../store.js';
import { fit } from '../text.js';
import { DECISION_LOOK } from '../theme.js';
import { position } from '../window.js';

/** Room for `63 of 63` beside the filter prompt. */
const MATCH_COUNT_WIDTH = 9;

type WorkpaperEntry = Extract<Entry, { screen: 'workpaper' }>;

/** Entries shown before: when one is shown again (back from the detail), its data is read again. */
const shownBefore = new WeakSet<WorkpaperEntry>();

export function WorkpaperScreen({ entry }: { entry: WorkpaperEntry }) {
  const nav = useNav();
  const { width, height } = nav;
  const { store, open } = entry;
  const state = useStore(store);

  useEffect(() => {
    store.dispatch({ type: 'resize', height: listHeight(height, WORKPAPER_CHROME) });
  }, [store, height]);

  useEffect(() => {
    if (shownBefore.has(entry)) store.dispatch({ type: 'load', paper: open.workpaper() });
    shownBefore.add(entry);
  }, [entry, store, open]);

  const handle: ScreenHandle = {
    keymaps: () => (store.get().filtering ? ['search', 'text'] : ['workpaper']),
    onKey(press) {
      const s = store.get();
      if (s.filtering) {
        const answer = resolve('search', press);
        if (answer === 'confirm' || answer === 'cancel') store.dispatch({ type: 'filter-close', keep: answer === 'confirm' });
        else store.dispatch({ type: 'filter-key', press });
        return true;
      }
      const action = resolve('workpaper', press);
      if (!action) return false;
      if (moveList(action, store)) return true;
      switch (action) {
        case 'open': {
          const row = currentRow(s);
          const order = s.visible.map((i) => s.paper.rows[i]?.id ?? '');
          if (row) nav.push(detailEntry(open, row.id, order, nav));
          break;
        }
        case 'sort':
        case 'sort-back':
          store.dispatch({ type: 'sort', by: action === 'sort' ? 1 : -1 });
          break;
        case 'filter':
          store.dispatch({ type: 'filter-open' });
          break;
        case 'back':
          if (s.filter.value) store.dispatch({ type: 'filter-close', keep: false });
          else nav.pop();
          break;
      }
      return true;
    },
  };
  useScreen(entry.key, handle);

  return <WorkpaperView state={state} width={width} name={open.assessment.name} />;
}

function headText(column: Column, state: WorkpaperState): string {
  const sorted = state.sort === column.id;
  return fit(`${column.id === 'id' ? ' ' : ''}${column.label}${sorted ? (state.sort === 'severity' ? '▾' : '▴') : ''}`, column.width);
}

export function WorkpaperView({ state, width, name }: { state: WorkpaperState; width: number; name: string }) {
  const columns = workpaperColumns(width);
  const wide = width >= 120;
  const shown = state.visible.slice(state.offset, state.offset + state.height);
  const filterNote = state.filter.value ? ` · filter "${state.filter.value}": ${state.visible.length} of ${state.paper.rows.length}` : '';
  return (
    <Box flexDirection="column" width={width}>
      <TitleBar width={width} left={`Workpaper of "${name}"`} right={position(state.cursor, state.visible.length)} />
      <T bold>{fit(scoreLine(state.paper, wide), width)}</T>
      <Text wrap="truncate">
        <T tone="muted" bold>
          {columns.map((c) => headText(c, state)).join('')}
        </T>
      </Text>
      <Box flexDirection="column" height={state.height}>
        {state.visible.length === 0 ? <T tone="muted">{'  no recommendation matches the filter (esc clears it)'}</T> : null}
        {shown.map((index, i) => {
          const row = state.paper.rows[index];
          if (!row) return null;
          const on = state.offset + i === state.cursor;
          return (
            <Text key={row.id} wrap="truncate">
              {columns.map((c) => (
                <T key={c.id} inverse={on} bold={c.id === 'id'} tone={c.id === 'status' ? DECISION_LOOK[row.status].tone : 'plain'}>
                  {fit(`${c.id === 'id' ? (on ? '▸' : ' ') : ''}${columnText(row, c.id, wide)}`, c.width)}
                </T>
              ))}
            </Text>
          );
        })}
      </Box>
      {state.filtering ? (
        <Box width={width}>
          <T tone="accent" bold>
            {'Filter: '}
          </T>
          <FieldView field={state.filter} width={width - 8 - MATCH_COUNT_WIDTH} focused />
          <T tone="muted">{fit(`${state.visible.length} of ${state.paper.rows.length}`, MATCH_COUNT_WIDTH)}</T>
        </Box>
      ) : (
        <StatusLine width={width} text={`sorted by ${state.sort}${filterNote} · * rated by the assessor, ≠ overrides the automated result`} tone="muted" />
      )}
      <Footer width={width} maps={state.filtering ? ['search'] : ['workpaper']} />
    </Box>
  );
}
