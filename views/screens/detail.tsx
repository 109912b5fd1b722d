/** One recommendation: guidance, findings (failing first), evidence, history and mappings. */
import { Box, Text } from 'ink';
import type { EvidenceRecord } from '../../src/model.js';
import { useEffect } from 'react';
import { InputError } from '../../src/errors.js';
import { FieldView, Footer, StatusLine, T, TitleBar } from '../components/ui.js';
import { attachEntry, decideEntry, detailEntry, exportEntry } from '../entries.js';
import { moveList, resolve } from '../keys.js';
import { DETAIL_CHROME, listHeight } from '../layout.js';
import { useNav, useScreen, type Entry, type ScreenHandle } from '../nav.js';
import { quickDecisionNeedsForm, type Status } from '../state/decide.js';
import { automatedSummary, currentAttachment, decisionHeadline, PANES, panePosition, paneTitle, viewerMayOpen, visiblePane, type DetailState } from '../state/detail.js';
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

  const say = (text: string, tone: 'pass' | 'fail' | 'warn' | 'info') => store.dispatch({ type: 'message', text, tone });

  const openAttachment = (attachment: EvidenceRecord) => {
    if (!deps.extractAttachment) {
      say(`this build cannot extract attachments; ${attachment.name} is stored in ${deps.dbPath} under sha256 ${attachment.sha256}`, 'info');
      return;
    }
    deps
      .extractAttachment(attachment.sha256, attachment.name)
      .then((path) => {
        if (!viewerMayOpen(attachment)) {
          say(`a copy is at ${path}; ${attachment.mediaType} is not handed to a viewer, open it with a program you trust`, 'info');
          return;
        }
        const viewer = deps.openWithViewer?.(path);
        say(viewer ? `opened a copy with ${viewer}: ${path}` : `a copy is at ${path} (no system viewer found to open it)`, 'pass');
      })
      .catch((err: unknown) => say(`cannot open ${attachment.name}: ${err instanceof Error ? err.message : String(err)}`, 'fail'));
  };

  const detach = () => {
    const prompt = store.get().detach;
    if (!prompt) return;
    const reason = prompt.reason.value.trim();
    if (!reason) {
      say('say why it is detached (attached by mistake, superseded by …); esc keeps it', 'warn');
      return;
    }
    if (!deps.detachEvidence) {
      say('detaching is not available in this build', 'warn');
      return;
    }
    try {
      deps.detachEvidence(open.id, recId, prompt.attachment.sha256, reason);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      say(err.message, 'fail');
      return;
    }
    store.dispatch({ type: 'detach-cancel' });
    reload();
    say(`detached ${prompt.attachment.name}; its bytes stay stored and the history records why`, 'pass');
  };

  const step = (by: 1 | -1) => {
    const i = entry.order.indexOf(recId);
    const next = entry.order[i + by];
    if (!next) return;
    nav.replace(detailEntry(open, next, entry.order, nav));
  };

  const handle: ScreenHandle = {
    keymaps: () => (store.get().detach ? ['prompt', 'text'] : ['detail']),
    dirty: () => (store.get().detach?.reason.value ?? '') !== '',
    onKey(press) {
      if (store.get().detach) {
        const answer = resolve('prompt', press);
        if (answer === 'confirm') detach();
        else if (answer === 'cancel') store.dispatch({ type: 'detach-cancel' });
        else store.dispatch({ type: 'detach-key', press });
        return true;
      }
      const action = resolve('detail', press);
      if (!action) return false;
      if (moveList(action, store)) return true;
      const attachment = currentAttachment(store.get());
      switch (action) {
        case 'next-pane':
        case 'prev-pane':
          store.dispatch({ type: 'pane', by: action === 'next-pane' ? 1 : -1 });
          break;
        case 'fold':
          store.dispatch({ type: 'fold' });
          break;
        case 'open-attachment':
          if (attachment) openAttachment(attachment);
          else say('go to the Evidence pane (tab) and choose an attachment to open', 'info');
          break;
        case 'detach':
          if (attachment) store.dispatch({ type: 'detach-open' });
          else say('go to the Evidence pane (tab) and choose the attachment to detach', 'info');
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
      {state.detach ? (
        <Box width={width}>
          {/* A refusal (no reason yet) takes the question's place until the next key. */}
          <T tone={state.message?.tone ?? 'warn'} bold>
            {fit(state.message ? `${state.message.text} ` : `Detach ${state.detach.attachment.name} — why? `, Math.floor(width / 2))}
          </T>
          <FieldView field={state.detach.reason} width={width - Math.floor(width / 2)} focused />
        </Box>
      ) : (
        <StatusLine width={width} text={state.message?.text ?? (where ? `${paneTitle(data, state.pane)} ${where}` : '')} tone={state.message?.tone ?? 'muted'} />
      )}
      <Footer width={width} maps={state.detach ? ['prompt'] : ['detail']} position={position} />
    </Box>
  );
}
