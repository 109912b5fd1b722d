/** Attach a file as evidence: the file is stored in the database and its SHA-256 shown. */
import { Box, Text } from 'ink';
import { findRecommendation } from '../../checks/catalog.js';
import { InputError } from '../../src/errors.js';
import { describeFindings, evidenceSecrets, maskSecrets } from '../../src/secrets.js';
import { Completions, FieldView, Footer, Message, T, TitleBar } from '../components/ui.js';
import { resolve } from '../keys.js';
import { frameHeight } from '../layout.js';
import { useNav, useScreen, type Entry, type ScreenHandle } from '../nav.js';
import { resolvePath } from '../paths.js';
import { isAttachDirty, type AttachState } from '../state/attach.js';
import { useStore } from '../store.js';
import { fit, formatBytes, truncate } from '../text.js';

type AttachEntry = Extract<Entry, { screen: 'attach' }>;

export function AttachScreen({ entry }: { entry: AttachEntry }) {
  const nav = useNav();
  const { deps, width } = nav;
  const { store, open } = entry;
  const state = useStore(store);

  const attach = () => {
    const s = store.get();
    if (!s.path.value.trim()) {
      store.dispatch({ type: 'failed', error: 'type the path of the file to attach (tab completes)' });
      return;
    }
    try {
      const record = deps.service.attach(open.id, s.recId, resolvePath(s.path.value, deps.cwd), s.note.value.trim() || undefined);
      const warnings = describeFindings(evidenceSecrets(deps.service, record));
      store.dispatch({ type: 'stored', record, ...(warnings.length > 0 ? { warnings } : {}) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      store.dispatch({ type: 'failed', error: err.message });
    }
  };

  const handle: ScreenHandle = {
    keymaps: () => ['attach', 'text'],
    dirty: () => isAttachDirty(store.get()),
    onKey(press) {
      const action = resolve('attach', press);
      switch (action) {
        case 'complete':
          if (store.get().focus === 'path') store.dispatch({ type: 'complete', cwd: deps.cwd });
          else store.dispatch({ type: 'focus', field: 'path' });
          return true;
        case 'next-field':
          store.dispatch({ type: 'focus', field: 'note' });
          return true;
        case 'prev-field':
          store.dispatch({ type: 'focus', field: 'path' });
          return true;
        case 'confirm':
          attach();
          return true;
        case 'back':
          nav.pop();
          return true;
        case undefined:
          store.dispatch({ type: 'key', press });
          return true;
      }
    },
  };
  useScreen(entry.key, handle);

  return <AttachView state={state} width={width} height={frameHeight(nav.height)} title={findRecommendation(state.recId)?.title ?? ''} />;
}

export function AttachView({ state, width, height, title }: { state: AttachState; width: number; height: number; title: string }) {
  const label = 8;
  const stored = state.stored;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <TitleBar width={width} left={`Attach evidence to ${state.recId} ${title}`} />
      <Box flexDirection="column" flexGrow={1} marginTop={1}>
        <Text wrap="truncate">
          <T tone={state.focus === 'path' ? 'accent' : 'muted'} bold>
            {fit(`${state.focus === 'path' ? '▸' : ' '} File`, label)}
          </T>
          <FieldView field={state.path} width={width - label} focused={state.focus === 'path'} placeholder="path to a file: screenshot, export, policy, ticket" />
        </Text>
        <Completions completion={state.completion} indent={label} width={width} />
        <Text wrap="truncate">
          <T tone={state.focus === 'note' ? 'accent' : 'muted'} bold>
            {fit(`${state.focus === 'note' ? '▸' : ' '} Note`, label)}
          </T>
          <FieldView field={state.note} width={width - label} focused={state.focus === 'note'} placeholder="what it shows (optional)" />
        </Text>
        <T> </T>
        {stored ? (
          <Box flexDirection="column">
            <T tone="pass" bold>
              {truncate(`✓ stored ${stored.name} (${stored.mediaType}, ${formatBytes(stored.size)})`, width)}
            </T>
            <T>{truncate(`  sha256 ${stored.sha256}`, width)}</T>
            <T tone="muted">{truncate(`  added by ${stored.addedBy}${stored.note ? ` — ${maskSecrets(stored.note)}` : ''} · attach another, or esc to go back`, width)}</T>
            {state.warnings?.map((line) => (
              <T key={line} tone="fail">
                {truncate(`  ⚠ ${line}`, width)}
              </T>
            ))}
            {state.warnings ? <T tone="warn">{truncate('  ⚠ these look like credentials: a pack refuses them until replaced or kept (assay secrets)', width)}</T> : null}
          </Box>
        ) : null}
      </Box>
      <Message width={width} text={state.error} tone="fail" />
      <Footer width={width} maps={['attach']} />
    </Box>
  );
}
