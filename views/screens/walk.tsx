/** The walk: every recommendation by section, its automated result and the assessor's decision. */
import { Box, Text } from 'ink';
import { memo, useEffect, useMemo } from 'react';
import { InputError } from '../../src/errors.js';
import { STATE_WORDS } from '../../src/states.js';
import { Footer, FieldView, StatusLine, T, TitleBar } from '../components/ui.js';
import { attachEntry, decideEntry, detailEntry, driftEntry, exportEntry, importEntry, sourceEntry, workpaperEntry } from '../entries.js';
import { moveList, resolve, type KeyPress } from '../keys.js';
import { listHeight, WALK_CHROME } from '../layout.js';
import { useNav, useScreen, type Entry, type ScreenHandle } from '../nav.js';
import type { WalkRow } from '../rows.js';
import { quickDecisionNeedsForm, sameDecision, type Status } from '../state/decide.js';
import { currentRow, hasFilters, targetIds, type WalkState } from '../state/walk.js';
import { useStore } from '../store.js';
import { headerSegments, rowSegments, sectionSegments, walkColumns, walkHeader, type Segment, type WalkColumns } from '../walk-layout.js';
import { position } from '../window.js';

type WalkEntry = Extract<Entry, { screen: 'walk' }>;

const QUICK: Record<string, Status> = { pass: 'pass', fail: 'fail', exception: 'exception', 'not-applicable': 'not_applicable' };
const FILTERS = {
  'filter-pass': 'pass',
  'filter-fail': 'fail',
  'filter-exception': 'exception',
  'filter-not-applicable': 'not_applicable',
  'filter-needs-review': 'needs_review',
  'filter-carried': 'carried',
  'filter-undecided': 'undecided',
} as const;

const Segments = memo(function Segments({ segments, inverse }: { segments: readonly Segment[]; inverse?: boolean }) {
  return (
    <Text wrap="truncate">
      {segments.map((s, i) => (
        <T key={i} tone={s.tone} bold={s.bold} inverse={inverse}>
          {s.text}
        </T>
      ))}
    </Text>
  );
});

const RowLine = memo(function RowLine({ row, cols, selected, cursor, match }: { row: WalkRow; cols: WalkColumns; selected: boolean; cursor: boolean; match: boolean }) {
  const segments = useMemo(() => rowSegments(row, cols, { selected, cursor, match }), [row, cols, selected, cursor, match]);
  return <Segments segments={segments} inverse={cursor} />;
});

/** Entries the walk has shown before: when one is shown again, its decisions are read again. */
const shownBefore = new WeakSet<WalkEntry>();

export function WalkScreen({ entry }: { entry: WalkEntry }) {
  const nav = useNav();
  const { deps, width, height } = nav;
  const { store, open } = entry;
  const state = useStore(store);
  const cols = useMemo(() => walkColumns(width), [width]);

  useEffect(() => {
    store.dispatch({ type: 'resize', height: listHeight(height, WALK_CHROME) });
  }, [store, height]);

  // Shown again: decisions may have changed, and the detail may have moved to another recommendation.
  useEffect(() => {
    if (shownBefore.has(entry)) store.dispatch({ type: 'load', rows: open.rows(), ...(open.lastRecId ? { focus: open.lastRecId } : {}) });
    shownBefore.add(entry);
  }, [entry, store, open]);

  // Where the assessor is, written once the cursor rests (and on leaving and quitting).
  const restingId = currentRow(state)?.id;
  useEffect(() => {
    const timer = setTimeout(() => open.place(restingId), 400);
    return () => clearTimeout(timer);
  }, [open, restingId]);

  const say = (text: string, tone: 'pass' | 'fail' | 'warn' | 'info') => store.dispatch({ type: 'message', text, tone });

  /** After one row is decided the cursor goes on to the next, as in STIG Viewer; a batch leaves it. */
  const nextRowId = (): string | undefined => {
    const s = store.get();
    return s.selected.size > 0 ? undefined : s.rows[s.visible[s.cursor + 1] ?? -1]?.id;
  };
  const advanceTo = (recId: string | undefined) => {
    if (!recId) return;
    store.dispatch({ type: 'goto', recId });
    open.place(recId);
  };

  const openForm = (ids: string[], status: Status | undefined, refusal?: string) => {
    const next = nextRowId();
    const decide = decideEntry(open, ids, status, deps.today(), (decisions) => {
      store.dispatch({ type: 'clear-selection' });
      say(`recorded ${decisions[0] ? STATE_WORDS[decisions[0].status] : ''} for ${decisions.map((d) => d.recId).join(', ')}`, 'pass');
      advanceTo(next);
    });
    if (refusal && decide.screen === 'decide') decide.store.dispatch({ type: 'refused', message: refusal });
    nav.push(decide);
  };

  const quickDecide = (status: Status) => {
    const s = store.get();
    const ids = targetIds(s);
    if (ids.length === 0) return;
    const targets = open.targets(ids);
    // One carried decision of the same status is confirmed as it stands, dates included.
    const only = targets.length === 1 ? targets[0] : undefined;
    const carried = only?.decision?.carriedFrom && only.decision.status === status && s.rows.find((r) => r.id === only.recId)?.status === 'carried' ? only.decision : undefined;
    if (!carried && quickDecisionNeedsForm(status, targets)) {
      openForm(ids, status);
      return;
    }
    const next = nextRowId();
    try {
      deps.service.decideMany(open.id, ids, carried ? sameDecision(carried) : { status, justification: '' });
    } catch (err) {
      if (err instanceof InputError) return openForm(ids, status, err.message);
      throw err;
    }
    store.dispatch({ type: 'load', rows: open.rows() });
    store.dispatch({ type: 'clear-selection' });
    advanceTo(next);
    say(`${carried ? 'confirmed' : 'recorded'} ${STATE_WORDS[status]} for ${ids.join(', ')}`, 'pass');
  };

  const handle: ScreenHandle = {
    keymaps: () => (store.get().searchInput ? ['search', 'text'] : ['walk']),
    beforeQuit: () => open.place(currentRow(store.get())?.id),
    onKey(press: KeyPress) {
      const s = store.get();
      if (s.searchInput) {
        const action = resolve('search', press);
        if (action === 'confirm') store.dispatch({ type: 'search-commit' });
        else if (action === 'cancel') store.dispatch({ type: 'search-cancel' });
        else store.dispatch({ type: 'search-key', press });
        return true;
      }
      const action = resolve('walk', press, s.query ? ['search'] : []);
      if (!action) return false;
      store.dispatch({ type: 'clear-message' });
      if (moveList(action, store)) return true;
      const row = currentRow(s);
      switch (action) {
        case 'next-section':
          store.dispatch({ type: 'section', by: 1 });
          break;
        case 'prev-section':
          store.dispatch({ type: 'section', by: -1 });
          break;
        case 'open':
          if (!row) break;
          nav.push(detailEntry(open, row.id, s.visible.map((i) => s.rows[i]?.id ?? ''), nav));
          break;
        case 'pass':
        case 'fail':
        case 'exception':
        case 'not-applicable':
          open.place(row?.id);
          quickDecide(QUICK[action] as Status);
          break;
        case 'decide':
          if (targetIds(s).length > 0) openForm(targetIds(s), undefined);
          break;
        case 'select':
          store.dispatch({ type: 'select' });
          break;
        case 'select-all':
          store.dispatch({ type: 'select-all' });
          break;
        case 'search':
          store.dispatch({ type: 'search-open' });
          break;
        case 'next-match':
          store.dispatch({ type: 'match', by: 1 });
          break;
        case 'prev-match':
          store.dispatch({ type: 'match', by: -1 });
          break;
        case 'filter-failing':
          store.dispatch({ type: 'toggle-failing' });
          break;
        case 'filter-level':
          store.dispatch({ type: 'cycle-level' });
          break;
        case 'filter-type':
          store.dispatch({ type: 'cycle-type' });
          break;
        case 'clear-filters':
          store.dispatch({ type: 'clear-filters' });
          break;
        case 'attach':
          if (row) nav.push(attachEntry(open, row.id));
          break;
        case 'export':
          nav.push(exportEntry(deps, open.id, open.assessment.name));
          break;
        case 'rescan': {
          const a = open.assessment;
          nav.push(
            sourceEntry(deps, { kind: 'rescan', assessmentId: a.id, name: a.name, account: a.account, source: a.source }, { onRescanned: () => open.invalidate() }),
          );
          break;
        }
        case 'drift': {
          const drift = driftEntry(deps, open, nav);
          if (typeof drift === 'string') say(drift, 'info');
          else nav.push(drift);
          break;
        }
        case 'workpaper':
          nav.push(workpaperEntry(open, nav));
          break;
        case 'import':
          nav.push(importEntry(open, nav));
          break;
        case 'back':
          if (s.query) store.dispatch({ type: 'search-cancel' });
          else if (s.selected.size > 0) store.dispatch({ type: 'clear-selection' });
          else if (hasFilters(s.filters)) store.dispatch({ type: 'clear-filters' });
          else {
            open.place(row?.id);
            nav.pop();
          }
          break;
        default:
          if (action in FILTERS) store.dispatch({ type: 'toggle-status', status: FILTERS[action as keyof typeof FILTERS] });
      }
      return true;
    },
  };
  useScreen(entry.key, handle);

  return <WalkView state={state} cols={cols} width={width} name={open.assessment.name} account={open.assessment.account} />;
}

/** The walk as drawn: pure in its props. */
export function WalkView({ state, cols, width, name, account }: { state: WalkState; cols: WalkColumns; width: number; name: string; account: string }) {
  const header = walkHeader(state, width);
  const shown = state.lines.slice(state.offset, state.offset + state.height);
  const cursorRow = state.visible[state.cursor];
  return (
    <Box flexDirection="column" width={width}>
      <TitleBar width={width} left={`Assay ▸ ${name}${account ? ` · ${account}` : ''}`} right={header.progress} />
      <Text wrap="truncate">
        {header.chips.map((c) => (
          <T key={c.key} tone={c.tone} inverse={c.active} bold={c.active}>
            {c.text}
            {'  '}
          </T>
        ))}
      </Text>
      <T tone={header.filter.tone}>{header.filter.text}</T>
      <Segments segments={headerSegments(cols)} />
      <Box flexDirection="column" height={state.height}>
        {shown.length === 0 ? <T tone="muted">{'  nothing matches the filters — c clears them'}</T> : null}
        {shown.map((line) => {
          if (line.kind === 'section') return <Segments key={`s${line.section}`} segments={sectionSegments(line.section, state.rows, width)} />;
          const row = state.rows[line.row] as WalkRow;
          return <RowLine key={row.id} row={row} cols={cols} selected={state.selected.has(row.id)} cursor={line.row === cursorRow} match={header.matches.has(line.row)} />;
        })}
      </Box>
      {state.searchInput ? (
        <Box width={width}>
          <T tone="accent" bold>
            {'/ '}
          </T>
          <FieldView field={state.searchInput} width={width - 16} focused />
          <T tone="muted">{` ${state.matches.length} ${state.matches.length === 1 ? 'match' : 'matches'}`}</T>
        </Box>
      ) : (
        <StatusLine width={width} text={header.status?.text} tone={header.status?.tone ?? 'plain'} />
      )}
      <Footer width={width} maps={state.searchInput ? ['search'] : ['walk']} modes={state.query ? ['search'] : []} position={position(state.cursor, state.visible.length)} />
    </Box>
  );
}
