/** Choosing where data comes from (demo, snapshot file, live account), for a new assessment or a rescan. */
import { basename } from 'node:path';
import { Box, Text } from 'ink';
import { useEffect, useRef } from 'react';
import { InputError } from '../../src/errors.js';
import type { Snapshot } from '../../src/snapshot.js';
import { Completions, FieldView, Footer, ProgressBar, Question, Message, T, TitleBar } from '../components/ui.js';
import { walkEntry } from '../entries.js';
import { resolve, TEXT_FIELD } from '../keys.js';
import { frameHeight } from '../layout.js';
import { useNav, useScreen, type Entry, type ScreenHandle } from '../nav.js';
import { resolvePath } from '../paths.js';
import { throttleProgress } from '../progress.js';
import { focusedField, parseRegions, sourceProblem, type FieldName, type SourceState } from '../state/source.js';
import { useStore } from '../store.js';
import { fit, truncate, wrap } from '../text.js';

type SourceEntry = Extract<Entry, { screen: 'source' }>;

export function SourceScreen({ entry }: { entry: SourceEntry }) {
  const nav = useNav();
  const { deps, width } = nav;
  const { store } = entry;
  const state = useStore(store);
  const abort = useRef<AbortController | undefined>(undefined);
  const pending = useRef<{ snapshot: Snapshot; source: string } | undefined>(undefined);

  // Leaving the screen stops any collection still running.
  useEffect(() => () => abort.current?.abort(), []);

  const fail = (err: unknown) => {
    if (err instanceof InputError || (err instanceof Error && err.name !== 'AbortError')) store.dispatch({ type: 'failed', error: err.message });
    else store.dispatch({ type: 'failed', error: 'stopped; nothing was saved' });
  };

  /** Stores what was collected or read, then opens the walk (or returns to it after a rescan). */
  const finish = (snapshot: Snapshot | undefined, source: string, force = false) => {
    const s = store.get();
    const purpose = s.purpose;
    try {
      if (purpose.kind === 'rescan') {
        if (!snapshot) return;
        if (!force && purpose.account && snapshot.account !== purpose.account) {
          pending.current = { snapshot, source };
          store.dispatch({ type: 'ask-account', question: `Snapshot of account ${snapshot.account}, not ${purpose.account}: scan anyway?` });
          return;
        }
        deps.service.rescan(purpose.assessmentId, snapshot, { force });
        entry.onRescanned?.();
        nav.pop();
        return;
      }
      const name = s.values.name.value.trim();
      const from = s.carry > 0 ? purpose.carryFrom[s.carry - 1] : undefined;
      let id: number;
      let note: string | undefined;
      if (from) {
        if (!deps.carryForward) throw new InputError('carrying an assessment forward is not available in this build');
        const carried = deps.carryForward(from.id, name, snapshot ? { snapshot, source } : undefined);
        id = carried.id;
        note = `carried ${carried.carried} decisions from #${from.id} — each shows "↻ confirm" until you decide again (6 filters them); ${carried.left} left behind`;
      } else if (snapshot) {
        id = deps.service.createAssessment({ name, source, snapshot }).id;
      } else return;
      // Written; the walk replaces this screen so esc from it goes home.
      const walk = walkEntry(deps, id, nav);
      if (note && walk.screen === 'walk') walk.store.dispatch({ type: 'message', text: note, tone: 'info' });
      nav.replace(walk);
    } catch (err) {
      fail(err);
    }
  };

  const start = () => {
    const s = store.get();
    const problem = sourceProblem(s);
    if (problem) {
      store.dispatch({ type: 'failed', error: problem });
      return;
    }
    if (s.kind === 'demo') return finish(deps.loadDemo(), 'demo');
    if (s.kind === 'earlier') return finish(undefined, '');
    if (s.kind === 'snapshot') {
      const path = resolvePath(s.values.path.value, deps.cwd);
      try {
        return finish(deps.readSnapshot(path), `snapshot:${basename(path)}`);
      } catch (err) {
        return fail(err);
      }
    }
    if (s.kind === 'live' && deps.collect) {
      const profile = s.values.profile.value.trim();
      const controller = new AbortController();
      abort.current = controller;
      store.dispatch({ type: 'running' });
      const onProgress = throttleProgress((progress) => store.dispatch({ type: 'progress', progress }));
      deps
        .collect({
          ...(profile ? { profile } : {}),
          regions: parseRegions(s.values.regions.value),
          onProgress,
          onWarning: (message) => store.dispatch({ type: 'warning', message }),
          signal: controller.signal,
        })
        .then((snapshot) => {
          if (!controller.signal.aborted) finish(snapshot, `live:${profile || 'default'}`);
        })
        .catch((err: unknown) => fail(controller.signal.aborted ? undefined : err));
    }
  };

  const handle: ScreenHandle = {
    keymaps: () => {
      const s = store.get();
      if (s.step === 'choose') return ['source'];
      if (s.step === 'running') return ['progress'];
      if (s.step === 'confirm-account') return ['confirm'];
      return focusedField(s) === 'carry' ? ['sourceForm'] : ['sourceForm', 'text'];
    },
    dirty: () => {
      const s = store.get();
      return s.step === 'form' && (s.values.path.value !== '' || s.values.regions.value !== '');
    },
    onKey(press) {
      const s = store.get();
      if (s.step === 'running') {
        if (resolve('progress', press) === 'cancel') abort.current?.abort();
        return true;
      }
      if (s.step === 'confirm-account') {
        const answer = resolve('confirm', press);
        if (answer === 'yes' && pending.current) finish(pending.current.snapshot, pending.current.source, true);
        else if (answer === 'no') store.dispatch({ type: 'back' });
        return true;
      }
      if (s.step === 'choose') {
        const action = resolve('source', press);
        if (action === 'down' || action === 'up') store.dispatch({ type: 'move', by: action === 'down' ? 1 : -1 });
        else if (action === 'confirm') {
          store.dispatch({ type: 'choose' });
          // Nothing to fill in (a demo rescan): go straight on.
          const next = store.get();
          if (next.step === 'form' && next.fields.length === 0) start();
        } else if (action === 'back') nav.pop();
        return action !== undefined;
      }
      const field = focusedField(s);
      const action = resolve('sourceForm', press, formModes(field));
      // In a text field the form's keys act; every other key (←→ too) edits the text.
      if (field && field !== 'carry' && (action === undefined || action === 'next-value' || action === 'prev-value')) {
        store.dispatch({ type: 'key', press });
        return true;
      }
      switch (action) {
        case 'complete':
          store.dispatch({ type: 'complete', cwd: deps.cwd });
          return true;
        case 'next-field':
        case 'prev-field':
          store.dispatch({ type: 'focus', by: action === 'next-field' ? 1 : -1 });
          return true;
        case 'next-value':
        case 'prev-value':
          store.dispatch({ type: 'carry', by: action === 'next-value' ? 1 : -1 });
          return true;
        case 'confirm':
          start();
          return true;
        case 'back':
          store.dispatch({ type: 'back' });
          return true;
        case undefined:
          return field === 'carry' ? false : true;
      }
    },
  };
  useScreen(entry.key, handle);

  return <SourceView state={state} width={width} height={frameHeight(nav.height)} />;
}

/** Tab completes in the snapshot path field (the key table's `path field` mode). */
function formModes(field: FieldName | undefined): string[] {
  return field === 'path' ? ['path field', TEXT_FIELD] : field === 'carry' || field === undefined ? [] : [TEXT_FIELD];
}

const FIELD_LABELS: Record<FieldName, string> = { name: 'Name', path: 'Snapshot file', profile: 'AWS profile', regions: 'Regions', carry: 'Carry from' };
const FIELD_HINTS: Record<FieldName, string> = {
  name: '',
  path: 'tab completes',
  profile: 'empty: the default credentials',
  regions: 'e.g. eu-west-1,us-east-1 — empty: every enabled region',
  carry: '←→ bring its exceptions and manual decisions across, to confirm',
};

function carryLabel(state: SourceState): string {
  const p = state.purpose;
  const from = p.kind === 'new' ? p.carryFrom[state.carry - 1] : undefined;
  return from ? `#${from.id} ${from.name}` : 'nothing: start fresh';
}

export function SourceView({ state, width, height }: { state: SourceState; width: number; height: number }) {
  const p = state.purpose;
  const kindLabel = state.choices.find((c) => c.kind === state.kind)?.label ?? '';
  const title =
    p.kind === 'rescan'
      ? `Rescan "${p.name}"${state.step === 'choose' ? ' — where does the new data come from?' : ` — ${kindLabel}`}`
      : state.step === 'choose'
        ? 'New assessment — where does the data come from?'
        : `New assessment — ${kindLabel}`;
  const focus = focusedField(state);
  const labelWidth = 16;
  const error = state.error;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <TitleBar width={width} left={state.welcome && state.step === 'choose' ? 'Welcome to Assay' : title} right={state.welcome ? 'CIS AWS Foundations v6.0.0' : undefined} />
      <Box flexDirection="column" flexGrow={1} marginTop={1}>
        {state.welcome && state.step === 'choose'
          ? wrap(
              'There are no assessments in this database yet. Assay walks an AWS account through the 63 recommendations of the CIS AWS Foundations Benchmark v6.0.0 and exports a verifiable evidence pack. The demo account is the quickest way to look around: nothing touches AWS.',
              width - 2,
            ).map((line, i) => <T key={i}>{` ${line}`}</T>)
          : null}
        {state.welcome && state.step === 'choose' ? <T> </T> : null}
        {state.step === 'choose'
          ? state.choices.map((choice, i) => {
              const on = i === state.cursor;
              return (
                <Box key={choice.kind} flexDirection="column">
                  <Text wrap="truncate">
                    <T inverse={on} bold>
                      {`${on ? '▸' : ' '} ${fit(choice.label, 18)}`}
                    </T>
                    <T tone={choice.unavailable ? 'muted' : 'plain'}>{` ${truncate(choice.detail, width - 21)}`}</T>
                  </Text>
                  {choice.unavailable ? <T tone="muted">{`    ${truncate(choice.unavailable, width - 4)}`}</T> : null}
                </Box>
              );
            })
          : null}
        {state.step === 'form' || state.step === 'confirm-account'
          ? state.fields.map((field) => {
              const on = field === focus;
              return (
                <Box key={field} flexDirection="column">
                  <Text wrap="truncate">
                    <T tone={on ? 'accent' : 'muted'} bold={on}>
                      {fit(`${on ? '▸' : ' '} ${FIELD_LABELS[field]}`, labelWidth)}
                    </T>
                    {field === 'carry' ? (
                      <T inverse={on}>{` ◂ ${carryLabel(state)} ▸ `}</T>
                    ) : (
                      <FieldView field={state.values[field]} width={width - labelWidth - 2} focused={on} />
                    )}
                  </Text>
                  {FIELD_HINTS[field] ? <T tone="muted">{`${' '.repeat(labelWidth)}${truncate(FIELD_HINTS[field], width - labelWidth)}`}</T> : null}
                  {field === 'path' && state.completion ? <Completions completion={state.completion} indent={labelWidth} width={width} /> : null}
                </Box>
              );
            })
          : null}
        {state.step === 'running' && state.progress ? (
          <Box flexDirection="column">
            <T>{state.kind === 'live' ? 'Collecting from AWS (read-only calls)…' : 'Scanning…'}</T>
            <ProgressBar width={width} done={state.progress.done} total={state.progress.total} current={state.progress.current} />
          </Box>
        ) : null}
        {state.warnings.slice(-3).map((w, i) => (
          <T key={i} tone="warn">
            {truncate(`! ${w}`, width)}
          </T>
        ))}
      </Box>
      {state.step === 'confirm-account' && state.question ? (
        <Question width={width} text={state.question} />
      ) : (
        <Message width={width} text={error} tone="fail" />
      )}
      <Footer
        width={width}
        maps={state.step === 'choose' ? ['source'] : state.step === 'running' ? ['progress'] : state.step === 'confirm-account' ? ['confirm'] : ['sourceForm']}
        modes={formModes(focus)}
      />
    </Box>
  );
}
