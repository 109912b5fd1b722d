/** One recommendation: guidance, findings (failing first), evidence, history and mappings. */
import { Box, Text } from 'ink';
import { useEffect } from 'react';
import { InputError } from '../../src/errors.js';
import { Footer, StatusLine, T, TitleBar } from '../components/ui.js';
import { attachEntry, decideEntry, detailEntry, exportEntry } from '../entries.js';
import { moveList, resolve } from '../keys.js';
import { DETAIL_CHROME, listHeight } from '../layout.js';
import { useNav, useScreen, type Entry, type ScreenHandle } from '../nav.js';
import { quickDecisionNeedsForm, type Status } from '../state/decide.js';
import { automatedSummary, decisionHeadline, PANES, panePosition, paneTitle, visiblePane, type DetailState } from '../state/detail.js';
import { useStore } from '../store.js';
import { fit } from '../text.js';

type DetailEntry = Extract<Entry, { screen: 'detail' }>;

const QUICK: Record<string, Status> = { pass: 'pass', fail: 'fail', exception: 'exception', 'not-applicable': 'not_applicable' };
const shownBefore = new WeakSet<DetailEntry>();

export function DetailScreen({ entry }: { entry: DetailEntry }) {
  const nav = useNav();
  const { deps, width, height } = nav;
  const { store, open } = entry;
  const state = useStore(store);
  const recId = state.data.rec.id;

  useEffect(() => {
    store.dispatch({ type: 'resize', width, height: listHeight(height, DETAIL_CHROME) });
  }, [store, width, height]);

  // Back from the form or the attach screen: show what changed, keep the place.
  useEffect(() => {
    if (shownBefore.has(entry)) store.dispatch({ type: 'load', data: open.detail(store.get().data.rec.id), keepPlace: true });
    shownBefore.add(entry);
  }, [entry, store, open]);

  const reload = () => store.dispatch({ type: 'load', data: open.detail(recId), keepPlace: true });

  const decide = (status: Status | undefined) => {
    const targets = open.targets([recId]);
    if (status && !quickDecisionNeedsForm(status, targets)) {
      try {
        deps.service.decide(open.id, { recId, status, justification: '' });
        reload();
        return;
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
      }
    }
    nav.push(decideEntry(open, [recId], status, deps.today()));
  };

  const step = (by: 1 | -1) => {
    const i = entry.order.indexOf(recId);
    const next = entry.order[i + by];
    if (!next) return;
    nav.replace(detailEntry(open, next, entry.order, nav));
  };

  const handle: ScreenHandle = {
    keymaps: () => ['detail'],
    onKey(press) {
      const action = resolve('detail', press);
      if (!action) return false;
      if (moveList(action, store)) return true;
      switch (action) {
        case 'next-pane':
        case 'prev-pane':
          store.dispatch({ type: 'pane', by: action === 'next-pane' ? 1 : -1 });
          open.pane = store.get().pane;
          break;
        case 'next-rec':
          step(1);
          break;
        case 'prev-rec':
          step(-1);
          break;
        case 'decide':
          decide(undefined);
          break;
        case 'pass':
        case 'fail':
        case 'exception':
        case 'not-applicable':
          decide(QUICK[action]);
          break;
        case 'attach':
          nav.push(attachEntry(open, recId));
          break;
        case 'export':
          nav.push(exportEntry(deps, open.id, open.assessment.name));
          break;
        case 'back':
          nav.pop();
          break;
      }
      return true;
    },
  };
  useScreen(entry.key, handle);

  const index = entry.order.indexOf(recId);
  return <DetailView state={state} width={width} position={index === -1 ? undefined : `${index + 1}/${entry.order.length}`} />;
}

export function DetailView({ state, width, position }: { state: DetailState; width: number; position?: string | undefined }) {
  const { data } = state;
  const { rec } = data;
  const auto = automatedSummary(data);
  const headline = decisionHeadline(data);
  const { items, first, cursor } = visiblePane(state);
  const where = panePosition(state);
  return (
    <Box flexDirection="column" width={width}>
      <TitleBar width={width} left={`${rec.id} ${rec.title}`} right={`L${rec.level} ${rec.assessment}`} />
      <Text wrap="truncate">
        <T tone="muted">{'Automated '}</T>
        <T tone={auto.tone}>{fit(auto.text, width - 10)}</T>
      </Text>
      <Text wrap="truncate">
        <T tone="muted">{'Decision  '}</T>
        <T tone={headline.tone} bold>
          {fit(headline.text, width - 10)}
        </T>
      </Text>
      <Text wrap="truncate">
        {PANES.map((pane) => {
          const count = state.panes[pane].count;
          const label = ` ${paneTitle(data, pane)}${count !== undefined ? ` ${count}` : ''} `;
          return (
            <T key={pane} tone={pane === state.pane ? 'accent' : 'muted'} inverse={pane === state.pane} bold={pane === state.pane}>
              {label}
            </T>
          );
        })}
      </Text>
      <Box flexDirection="column" height={state.height}>
        {items.map((item, i) =>
          item.lines.map((line, j) => (
            <T key={`${first + i}.${j}`} tone={line.tone ?? 'plain'} bold={line.bold} inverse={cursor === first + i}>
              {fit(line.text, width)}
            </T>
          )),
        )}
      </Box>
      <StatusLine width={width} text={where ? `${paneTitle(data, state.pane)} ${where}` : ''} tone="muted" />
      <Footer width={width} maps={['detail']} position={position} />
    </Box>
  );
}
