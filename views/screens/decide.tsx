/**
 * The decision form. Saving writes at once; esc asks before dropping changes. Every change is kept
 * as a draft through the service, so a crash or ctrl-c loses nothing: reopening offers it back.
 */
import { Box, Text } from 'ink';
import { useEffect, useRef } from 'react';
import { describeProblems } from '../../src/decision-rules.js';
import { InputError } from '../../src/errors.js';
import { decisionSecrets, describeFindings } from '../../src/secrets.js';
import { MITIGATION_MEANING } from '../../src/risk.js';
import { FieldView, Footer, Question, T, TitleBar } from '../components/ui.js';
import { cursorParts, visualLines } from '../field.js';
import { resolve, TEXT_FIELD } from '../keys.js';
import { frameHeight } from '../layout.js';
import { useNav, useScreen, type Entry, type ScreenHandle } from '../nav.js';
import {
  batchNote,
  draftKey,
  draftOf,
  fieldsFor,
  formAdvice,
  formProblems,
  isDirty,
  isTextField,
  isTyping,
  riskPreview,
  toInputs,
  windowEnd,
  type DecideState,
  type FieldId,
} from '../state/decide.js';
import { DECISION_STATUSES } from '../../src/model.js';
import { useStore } from '../store.js';
import { fit, wrap } from '../text.js';
import { AUTOMATED_LOOK, DECISION_LOOK } from '../theme.js';

type DecideEntry = Extract<Entry, { screen: 'decide' }>;

/** Keys that leave a text field instead of editing it. */
const LEAVING_KEYS = new Set(['tab', 'shift-tab', 'esc', 'ctrl-s']);

export function DecideScreen({ entry }: { entry: DecideEntry }) {
  const nav = useNav();
  const { deps, width, height } = nav;
  const { store, open } = entry;
  const state = useStore(store);
  // The input last warned about: saving it unchanged a second time stores it as it is.
  const warnedInput = useRef<string | undefined>(undefined);
  const key = draftKey(store.get().targets);

  // A draft kept from before (a crash, ctrl-c) is offered back; after that every change is kept.
  useEffect(() => {
    const kept = deps.service.loadDraft(open.id, key);
    if (kept) store.dispatch({ type: 'draft-found', savedAt: kept.savedAt, body: kept.body });
    let saved = kept ? JSON.stringify(kept.body) : undefined;
    return store.subscribe(() => {
      const s = store.get();
      // Until the offer is answered the kept draft stays as it was.
      if (s.draft || !isDirty(s)) return;
      const body = draftOf(s);
      if (JSON.stringify(body) === saved) return;
      saved = JSON.stringify(body);
      deps.service.saveDraft(open.id, key, body);
    });
  }, [deps, open.id, key, store]);

  const leave = () => {
    deps.service.dropDraft(open.id, key);
    nav.pop();
  };

  const save = () => {
    const s = store.get();
    const problems = formProblems(s);
    if (problems.length > 0) {
      store.dispatch({ type: 'refused', message: `will not save: ${describeProblems(problems, false)}` });
      return;
    }
    const inputs = toInputs(s);
    const warnings = decisionSecrets(deps.service, open.id, inputs);
    if (warnings.length > 0 && warnedInput.current !== JSON.stringify(inputs)) {
      warnedInput.current = JSON.stringify(inputs);
      store.dispatch({
        type: 'refused',
        message: `looks like a credential — ${describeFindings(warnings).join('; ')}. A pack refuses it until it is replaced or kept (assay secrets); the history keeps what is saved. Remove it, or save again to store it as it is`,
      });
      return;
    }
    let decisions;
    try {
      decisions = deps.service.decideEach(open.id, inputs);
    } catch (err) {
      if (err instanceof InputError) {
        store.dispatch({ type: 'refused', message: `will not save: ${err.message}` });
        return;
      }
      throw err;
    }
    // Written; only now does the screen move on.
    entry.onSaved?.(decisions);
    leave();
  };

  const handle: ScreenHandle = {
    keymaps: () => (isTyping(store.get()) ? ['decide', 'text'] : ['decide']),
    dirty: () => isDirty(store.get()),
    onKey(press) {
      const s = store.get();
      if (s.confirmDiscard) {
        const answer = resolve('confirm', press);
        if (answer === 'yes') leave();
        else if (answer === 'no') store.dispatch({ type: 'keep-editing' });
        return true;
      }
      if (s.draft && (press.name === 'r' || press.name === 'x')) {
        if (press.name === 'x') deps.service.dropDraft(open.id, key);
        store.dispatch({ type: press.name === 'r' ? 'restore-draft' : 'forget-draft' });
        return true;
      }
      if (isTyping(s) && !LEAVING_KEYS.has(press.name)) {
        const before = store.get();
        store.dispatch({ type: 'key', press, justificationWidth: fieldWidthOf(width) });
        if (store.get() !== before) return true;
      }
      const action = resolve('decide', press);
      switch (action) {
        case 'next-field':
          store.dispatch({ type: 'focus', by: 1 });
          return true;
        case 'prev-field':
          store.dispatch({ type: 'focus', by: -1 });
          return true;
        case 'next-value':
        case 'prev-value':
          store.dispatch({ type: 'cycle', by: action === 'next-value' ? 1 : -1 });
          return true;
        case 'enter':
          if (s.focus === 'save') save();
          else store.dispatch({ type: 'focus', by: 1 });
          return true;
        case 'save':
          save();
          return true;
        case 'cancel':
          if (isDirty(s)) store.dispatch({ type: 'ask-discard' });
          else nav.pop();
          return true;
        case 'rate':
          if (s.focus !== 'likelihood' && s.focus !== 'impact') return false;
          store.dispatch({ type: 'key', press });
          return true;
        case undefined:
          return false;
      }
    },
  };
  useScreen(entry.key, handle);

  return <DecideView state={state} width={width} height={frameHeight(height)} />;
}

const LABEL = 16;
/** The columns right of a field's label: one-line fields are drawn in them, the justification's rows wrap at them. */
const fieldWidthOf = (width: number) => width - LABEL - 1;
const LABELS: Record<FieldId, string> = {
  status: 'Status',
  justification: 'Justification',
  likelihood: 'Likelihood',
  likelihoodWhy: 'Why likely',
  impact: 'Impact',
  impactWhy: 'Why impact',
  mitigation: 'Mitigation',
  mitigationWhy: 'Why this type',
  owner: 'Owner',
  dueDate: 'Due',
  approver: 'Approver',
  expiresAt: 'Expires',
  save: '',
};
const PLACEHOLDERS: Partial<Record<FieldId, string>> = {
  owner: 'who fixes it (optional)',
  approver: 'who accepts the risk',
  expiresAt: 'YYYY-MM-DD',
  mitigationWhy: 'one line on why this type fits (optional)',
  likelihoodWhy: 'one line on why this likelihood (optional)',
  impactWhy: 'one line on why this impact (optional)',
};

/** A field's label, red while the rules refuse its value; `boxed` ends it with the left edge of the justification's box. */
function Label({ field, focus, refused, boxed = false }: { field: FieldId; focus: FieldId; refused: ReadonlySet<string>; boxed?: boolean }) {
  const focused = field === focus;
  return (
    <Text>
      <T tone={focused ? 'accent' : refused.has(field) ? 'fail' : 'muted'} bold={focused}>
        {fit(`${focused ? '▸' : ' '} ${LABELS[field]}`, LABEL - 1)}
      </T>
      <T tone="muted">{boxed ? '│' : ' '}</T>
    </Text>
  );
}

function Picker({ text, focused }: { text: string; focused: boolean }) {
  return <T inverse={focused} bold={focused}>{`◂ ${text} ▸`}</T>;
}

/** In a batch: beside a field, whether it applies to all or each keeps its own. */
function Note({ text }: { text: string | undefined }) {
  return text ? <T tone="info">{`  ${text}`}</T> : null;
}

/** HH:MM of a stored time, in the local zone as the auditor's clock shows it. */
function clockTime(iso: string): string {
  const at = new Date(iso);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

export function DecideView({ state, width, height }: { state: DecideState; width: number; height: number }) {
  const v = state.values;
  const fields = fieldsFor(v.status);
  const focus = state.focus;
  const fieldWidth = fieldWidthOf(width);
  const single = state.targets.length === 1 ? state.targets[0] : undefined;
  const title = single ? `Decide ${single.recId} · ${single.title}` : `Decide ${state.targets.length} recommendations together: ${state.targets.map((t) => t.recId).join(' ')}`;
  const automated = state.targets.map((t) => `${state.targets.length > 1 ? `${t.recId} ` : ''}${AUTOMATED_LOOK[t.automated].glyph} ${AUTOMATED_LOOK[t.automated].word}`).join(' · ');
  const current = single?.decision ? ` · now ${DECISION_LOOK[single.decision.status].glyph} ${single.decision.status.replace('_', ' ')}${single.decision.carriedFrom ? ' (carried)' : ''}` : '';
  const risk = riskPreview(state);
  const problems = formProblems(state);
  const refused = new Set<string>(problems.map((p) => p.field));
  const advice = formAdvice(state);
  const batch = state.targets.length > 1;
  const ratedEach = batch && !state.changed.includes('likelihood') && !state.changed.includes('impact');
  // The justification gets what the longest form (an exception) leaves: 5 lines at 80×24. The
  // same for every status, so the form does not jump when the status changes.
  const justificationRows = Math.max(3, Math.min(10, height - 18));
  const just = visualLines(v.justification, fieldWidth, justificationRows);
  const draft = state.draft ? `a draft from ${clockTime(state.draft.savedAt)} is kept: r restore · x discard` : undefined;
  const message =
    draft ??
    state.refusal ??
    (problems.length > 0 ? `will not save yet: ${describeProblems(problems, false)}` : advice ? `ready to save — ${advice}` : 'ready to save: ctrl-s, or enter on Save');
  const messageTone = draft ? 'warn' : state.refusal || problems.length > 0 ? 'fail' : advice ? 'warn' : 'pass';

  const row = (field: FieldId) => {
    switch (field) {
      case 'status':
        return (
          <Text key={field} wrap="truncate">
            <Label field={field} focus={focus} refused={refused} />
            {DECISION_STATUSES.map((s, i) => {
              const look = DECISION_LOOK[s];
              const on = s === v.status;
              return (
                <Text key={s}>
                  {i > 0 ? '   ' : ''}
                  <T tone={on ? look.tone : 'muted'} inverse={on && focus === 'status'} bold={on} underline={on && focus !== 'status'}>
                    {`${look.glyph} ${look.word}`}
                  </T>
                </Text>
              );
            })}
          </Text>
        );
      case 'justification':
        return (
          <Box key={field} flexDirection="column">
            {Array.from({ length: justificationRows }, (_, i) => {
              const line = just.lines[i];
              const showCursor = focus === 'justification' && line?.cursor !== undefined;
              const text = line?.text ?? '';
              const at = line?.cursor ?? 0;
              return (
                <Text key={i} wrap="truncate">
                  {i === 0 ? (
                    <Label field={field} focus={focus} refused={refused} boxed />
                  ) : (
                    <T tone="muted">{fit(i === justificationRows - 1 && just.total > justificationRows ? `  ${just.total} lines` : '', LABEL - 1) + '│'}</T>
                  )}
                  {showCursor ? (
                    <>
                      <T>{cursorParts(text, at).before}</T>
                      <T inverse>{cursorParts(text, at).at}</T>
                      <T>{cursorParts(text, at).after}</T>
                    </>
                  ) : (
                    <T tone={v.justification.value ? 'plain' : 'muted'}>
                      {i === 0 && !v.justification.value && focus !== field ? (batchNote(state, 'justification') ?? 'why: what you saw, what you checked') : text}
                    </T>
                  )}
                </Text>
              );
            })}
          </Box>
        );
      case 'likelihood':
        return (
          <Text key={field} wrap="truncate">
            <Label field={field} focus={focus} refused={refused} />
            <Picker text={`${v.likelihood} ${risk.likelihoodLabel}`} focused={focus === field} />
            <Note text={batchNote(state, field)} />
          </Text>
        );
      case 'impact':
        return (
          <Box key={field} flexDirection="column">
            <Text wrap="truncate">
              <Label field={field} focus={focus} refused={refused} />
              <Picker text={`${v.impact} ${risk.impactLabel}`} focused={focus === field} />
              <Note text={batchNote(state, field)} />
            </Text>
            <Text wrap="truncate">
              <T>{' '.repeat(LABEL)}</T>
              {ratedEach ? (
                <T tone="muted">→ risk and due date: each its own</T>
              ) : (
                <T tone={risk.level === 'critical' || risk.level === 'high' ? 'fail' : risk.level === 'medium' ? 'warn' : 'pass'} bold>
                  {`→ risk ${risk.level} (${v.likelihood}×${v.impact}=${risk.score}) · due ${risk.due}`}
                </T>
              )}
            </Text>
          </Box>
        );
      case 'mitigation':
        return (
          <Text key={field} wrap="truncate">
            <Label field={field} focus={focus} refused={refused} />
            <Picker text={v.mitigation} focused={focus === field} />
            {batch ? <Note text={batchNote(state, field)} /> : <T tone="muted">{`  ${MITIGATION_MEANING[v.mitigation]}`}</T>}
          </Text>
        );
      case 'save':
        return (
          <Text key={field} wrap="truncate">
            <T>{' '.repeat(LABEL)}</T>
            <T tone="pass" inverse={focus === 'save'} bold>
              {' Save '}
            </T>
            <T tone="muted">{' ctrl-s saves from any field'}</T>
          </Text>
        );
      default: {
        if (!isTextField(field)) return null;
        const note = batchNote(state, field);
        const typed = state.changed.includes(field) && note !== undefined;
        const placeholder = (!typed ? note : undefined) ?? (field === 'dueDate' ? `empty: the ${risk.level} window, ${windowEnd(state)}; or an earlier day` : (PLACEHOLDERS[field] ?? ''));
        return (
          <Text key={field} wrap="truncate">
            <Label field={field} focus={focus} refused={refused} />
            <FieldView field={v[field]} width={typed ? fieldWidth - note.length - 2 : fieldWidth} focused={focus === field} placeholder={placeholder} />
            {typed ? <Note text={note} /> : null}
          </Text>
        );
      }
    }
  };

  return (
    <Box flexDirection="column" width={width} height={height}>
      <TitleBar width={width} left={title} />
      <Text wrap="truncate">
        <T tone="muted">{`Automated ${automated}${current}`}</T>
      </Text>
      <Box flexDirection="column" flexGrow={1} marginTop={1}>
        {fields.map(row)}
      </Box>
      {state.confirmDiscard ? (
        <Question width={width} text="Discard the changes in this form?" />
      ) : (
        <Box flexDirection="column" height={2}>
          {wrap(message, width)
            .slice(0, 2)
            .map((line, i) => (
              <T key={i} tone={messageTone}>
                {line}
              </T>
            ))}
        </Box>
      )}
      <Footer width={width} maps={['decide']} modes={isTyping(state) ? [TEXT_FIELD] : []} />
    </Box>
  );
}
