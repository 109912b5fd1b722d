/** The assessments in the database: resume, create, rename, delete, export. */
import { Box, Text } from 'ink';
import { useEffect } from 'react';
import { InputError } from '../../src/errors.js';
import type { AssessmentSummary } from '../../src/service.js';
import { FieldView, Footer, Question, StatusLine, T, TitleBar } from '../components/ui.js';
import { exportEntry, sourceEntry, walkEntry } from '../entries.js';
import { moveList, resolve } from '../keys.js';
import { HOME_CHROME, listHeight } from '../layout.js';
import { useNav, useScreen, type Entry, type ScreenHandle } from '../nav.js';
import { selectedSummary, type HomeState } from '../state/home.js';
import { useStore } from '../store.js';
import { fit, shortTime } from '../text.js';
import { position } from '../window.js';

type HomeEntry = Extract<Entry, { screen: 'home' }>;

export function HomeScreen({ entry }: { entry: HomeEntry }) {
  const nav = useNav();
  const { deps, width, height } = nav;
  const { store } = entry;
  const state = useStore(store);

  useEffect(() => {
    store.dispatch({ type: 'resize', height: listHeight(height, HOME_CHROME) });
  }, [store, height]);

  // Shown again (back from a walk, or after the welcome created one): progress and exceptions changed.
  useEffect(() => {
    store.dispatch({ type: 'load', summaries: deps.service.listAssessments(deps.today()) });
  }, [entry, store, deps]);

  const reload = (focusId?: number) => store.dispatch({ type: 'load', summaries: deps.service.listAssessments(deps.today()), ...(focusId ? { focusId } : {}) });

  const handle: ScreenHandle = {
    keymaps: () => {
      const s = store.get();
      if (s.rename) return ['prompt', 'text'];
      if (s.confirmDelete) return ['confirm'];
      return ['home'];
    },
    dirty: () => {
      const s = store.get();
      return s.rename !== undefined && s.rename.value !== selectedSummary(s)?.assessment.name;
    },
    onKey(press) {
      const s = store.get();
      const current = selectedSummary(s);
      if (s.rename) {
        const answer = resolve('prompt', press);
        if (answer === 'cancel') store.dispatch({ type: 'rename-close' });
        else if (answer === 'confirm' && current) {
          try {
            deps.service.renameAssessment(current.assessment.id, s.rename.value);
          } catch (err) {
            if (!(err instanceof InputError)) throw err;
            store.dispatch({ type: 'message', text: err.message, tone: 'fail' });
            return true;
          }
          store.dispatch({ type: 'rename-close' });
          reload();
          store.dispatch({ type: 'message', text: `renamed to "${s.rename.value.trim()}"`, tone: 'pass' });
        } else store.dispatch({ type: 'rename-key', press });
        return true;
      }
      if (s.confirmDelete) {
        const answer = resolve('confirm', press);
        if (answer === 'yes' && current) {
          deps.service.deleteAssessment(current.assessment.id);
          store.dispatch({ type: 'delete-close' });
          reload();
          store.dispatch({ type: 'message', text: `deleted "${current.assessment.name}"`, tone: 'info' });
        } else if (answer === 'no') store.dispatch({ type: 'delete-close' });
        return true;
      }
      const action = resolve('home', press);
      if (!action) return false;
      store.dispatch({ type: 'clear-message' });
      if (moveList(action, store)) return true;
      switch (action) {
        case 'open':
          if (current) nav.push(walkEntry(deps, current.assessment.id, nav));
          break;
        case 'new':
          nav.push(sourceEntry(deps, { kind: 'new', carryFrom: s.summaries.map((x) => ({ id: x.assessment.id, name: x.assessment.name })) }));
          break;
        case 'rename':
          store.dispatch({ type: 'rename-open' });
          break;
        case 'delete':
          store.dispatch({ type: 'delete-ask' });
          break;
        case 'export':
          if (current) nav.push(exportEntry(deps, current.assessment.id, current.assessment.name));
          break;
      }
      return true;
    },
  };
  useScreen(entry.key, handle);

  return <HomeView state={state} width={width} dbPath={deps.dbPath} />;
}

interface HomeColumns {
  id: number;
  name: number;
  account: number;
  created: number;
  decided: number;
  exceptions: number;
}

function homeColumns(width: number): HomeColumns {
  const fixed = { id: 5, account: 14, created: 11, decided: 8, exceptions: width >= 110 ? 34 : 17 };
  return { ...fixed, name: Math.max(12, width - 2 - (fixed.id + fixed.account + fixed.created + fixed.decided + fixed.exceptions)) };
}

/** A column's text, one short of its width so a space always separates columns. */
function cell(text: string, width: number): string {
  return fit(text, width - 1) + ' ';
}

function exceptionsText(s: AssessmentSummary, wide: boolean): string {
  const parts: string[] = [];
  if (s.openExceptions) parts.push(`${s.openExceptions} in force`);
  if (s.expiringExceptions) parts.push(`${s.expiringExceptions} ⏲${wide ? ' expiring' : ''}`);
  if (s.expiredExceptions) parts.push(`${s.expiredExceptions} expired`);
  return parts.length > 0 ? parts.join(' · ') : '—';
}

export function HomeView({ state, width, dbPath }: { state: HomeState; width: number; dbPath: string }) {
  const cols = homeColumns(width);
  const shown = state.summaries.slice(state.offset, state.offset + state.height);
  const current = selectedSummary(state);
  const head = '  ' + cell('#', cols.id) + cell('Name', cols.name) + cell('Account', cols.account) + cell('Created', cols.created) + cell('Decided', cols.decided) + cell('Exceptions', cols.exceptions);
  const a = current?.assessment;
  const info = a
    ? [
        `source ${a.source}${a.snapshotCollectedAt ? ` · data collected ${shortTime(a.snapshotCollectedAt)}` : ' · not scanned'} · ${a.regions.length} regions`,
        `created by ${a.createdBy} on ${shortTime(a.createdAt)}${a.lastRecId ? ` · resumes at ${a.lastRecId}` : ''}${a.carriedFrom ? ` · carried from #${a.carriedFrom}` : ''}`,
      ]
    : ['No assessments yet. Press c to create one: the demo account is the quickest way to look around.', ''];
  return (
    <Box flexDirection="column" width={width}>
      <TitleBar width={width} left="Assay · CIS AWS Foundations Benchmark v6.0.0" right={dbPath} />
      <T tone="muted" bold>
        {fit(head, width)}
      </T>
      <Box flexDirection="column" height={state.height}>
        {shown.map((s, i) => {
          const isCursor = state.offset + i === state.cursor;
          const renaming = isCursor && state.rename;
          return (
            <Text key={s.assessment.id} wrap="truncate">
              <T inverse={isCursor} bold={isCursor}>
                {(isCursor ? '▸ ' : '  ') + cell(String(s.assessment.id), cols.id)}
              </T>
              {renaming && state.rename ? (
                <FieldView field={state.rename} width={cols.name - 1} focused />
              ) : (
                <T inverse={isCursor} bold={isCursor}>
                  {cell(s.assessment.name, cols.name)}
                </T>
              )}
              <T inverse={isCursor}>{(renaming ? ' ' : '') + cell(s.assessment.account || '—', cols.account) + cell(s.assessment.createdAt.slice(0, 10), cols.created)}</T>
              <T inverse={isCursor} tone={s.decided === s.total ? 'pass' : 'plain'}>
                {cell(`${s.decided}/${s.total}`, cols.decided)}
              </T>
              <T inverse={isCursor} tone={s.expiredExceptions ? 'review' : s.expiringExceptions ? 'warn' : 'plain'}>
                {fit(exceptionsText(s, width >= 110), cols.exceptions)}
              </T>
            </Text>
          );
        })}
      </Box>
      {info.map((line, i) => (
        <T key={i} tone="muted">
          {fit(line, width)}
        </T>
      ))}
      {state.confirmDelete && a ? (
        <Question width={width} text={`Delete "${a.name}" with its decisions, history and attachments? This cannot be undone.`} />
      ) : state.rename ? (
        <StatusLine width={width} text="Rename the assessment" tone="info" />
      ) : (
        <StatusLine width={width} text={state.message?.text} tone={state.message?.tone ?? 'plain'} />
      )}
      <Footer width={width} maps={state.rename ? ['prompt'] : state.confirmDelete ? ['confirm'] : ['home']} position={position(state.cursor, state.summaries.length)} />
    </Box>
  );
}
