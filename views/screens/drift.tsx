/** What changed since the assessment this one was carried forward from. */
import { Box, Text } from 'ink';
import { useEffect } from 'react';
import { findRecommendation } from '../../checks/catalog.js';
import { Footer, T, TitleBar } from '../components/ui.js';
import { detailEntry } from '../entries.js';
import { moveList, resolve } from '../keys.js';
import { DRIFT_CHROME, driftListHeight, listHeight } from '../layout.js';
import { useNav, useScreen, type Entry, type ScreenHandle } from '../nav.js';
import { changeCounts, changeLines, resultChange, type DriftState } from '../state/drift.js';
import { useStore } from '../store.js';
import { fit } from '../text.js';
import { position } from '../window.js';

type DriftEntry = Extract<Entry, { screen: 'drift' }>;

export function DriftScreen({ entry }: { entry: DriftEntry }) {
  const nav = useNav();
  const { width, height } = nav;
  const { store, open } = entry;
  const state = useStore(store);

  useEffect(() => {
    store.dispatch({ type: 'resize', height: driftListHeight(height) });
  }, [store, height]);

  const handle: ScreenHandle = {
    keymaps: () => ['drift'],
    onKey(press) {
      const action = resolve('drift', press);
      if (!action) return false;
      if (moveList(action, store)) return true;
      switch (action) {
        case 'open': {
          const s = store.get();
          const row = s.rows[s.cursor];
          const ids = [...new Set(s.rows.map((r) => r.recId))];
          if (row) nav.push(detailEntry(open, row.recId, ids, nav));
          break;
        }
        case 'back':
          nav.pop();
          break;
      }
      return true;
    },
  };
  useScreen(entry.key, handle);

  return <DriftView state={state} width={width} changesHeight={listHeight(height, DRIFT_CHROME) - state.height} />;
}

export function DriftView({ state, width, changesHeight }: { state: DriftState; width: number; changesHeight: number }) {
  const shown = state.rows.slice(state.offset, state.offset + state.height);
  const selected = state.rows[state.cursor];
  const changes = changeLines(selected);
  const room = Math.max(1, changesHeight - 1);
  const more = changes.length > room ? changes.length - room + 1 : 0;
  return (
    <Box flexDirection="column" width={width}>
      <TitleBar width={width} left={`Drift since ${state.fromName}`} />
      <T tone="muted">{fit(`${state.rows.length} recommendations changed their automated result or resources · enter opens one`, width)}</T>
      <Box flexDirection="column" height={state.height}>
        {state.rows.length === 0 ? <T tone="pass">{'  nothing changed'}</T> : null}
        {shown.map((row, i) => {
          const on = state.offset + i === state.cursor;
          const source = row.source === 'assay' ? '' : ` [${row.source}]`;
          return (
            <Text key={`${row.recId}${row.source}`} wrap="truncate">
              <T inverse={on} bold>
                {fit(`${on ? '▸' : ' '} ${row.recId}`, 9)}
              </T>
              <T inverse={on} tone={row.after === 'fail' ? 'fail' : row.after === 'pass' ? 'pass' : 'plain'}>
                {fit(resultChange(row), 20)}
              </T>
              <T inverse={on}>{fit(`${changeCounts(row) || 'result changed'}${source} · ${findRecommendation(row.recId)?.title ?? ''}`, width - 29)}</T>
            </Text>
          );
        })}
      </Box>
      <Box flexDirection="column" height={changesHeight}>
        <T tone="accent" bold>
          {fit(selected ? `── ${selected.recId}: ${changes.length} resource ${changes.length === 1 ? 'change' : 'changes'} ` : '', width)}
        </T>
        {changes.slice(0, more ? room - 1 : room).map((line, i) => (
          <T key={i}>{fit(`  ${line}`, width)}</T>
        ))}
        {more ? <T tone="muted">{`  … and ${more} more (enter opens the recommendation)`}</T> : null}
      </Box>
      <Footer width={width} maps={['drift']} position={position(state.cursor, state.rows.length)} />
    </Box>
  );
}
