/** Import a scanner's file into the open assessment, through the same service as `assay import`. */
import { Box } from 'ink';
import { useEffect } from 'react';
import { InputError } from '../../src/errors.js';
import { Completions, FieldView, Footer, Message, T, TitleBar } from '../components/ui.js';
import { moveList, resolve } from '../keys.js';
import { frameHeight, IMPORT_CHROME, listHeight } from '../layout.js';
import { useNav, useScreen, type Entry, type ScreenHandle } from '../nav.js';
import { resolvePath } from '../paths.js';
import { reportLines, type ImportState } from '../state/import.js';
import { useStore } from '../store.js';
import { fit, wrap } from '../text.js';

type ImportEntry = Extract<Entry, { screen: 'import' }>;

export function ImportScreen({ entry }: { entry: ImportEntry }) {
  const nav = useNav();
  const { deps, width, height } = nav;
  const { store, open } = entry;
  const state = useStore(store);

  useEffect(() => {
    store.dispatch({ type: 'resize', height: listHeight(height, IMPORT_CHROME) });
  }, [store, height]);

  const start = () => {
    const s = store.get();
    if (!s.path.value.trim()) {
      store.dispatch({ type: 'failed', error: 'type the path of a Prowler CSV or JSON-OCSF file or a Security Hub ASFF file (tab completes)' });
      return;
    }
    if (!deps.importScanner) {
      store.dispatch({ type: 'failed', error: 'importing is not available in this build; use assay import' });
      return;
    }
    store.dispatch({ type: 'running' });
    deps
      .importScanner(open.id, resolvePath(s.path.value, deps.cwd))
      .then((report) => {
        // The walk reads the new results when it is shown again.
        open.invalidate();
        store.dispatch({ type: 'done', report });
      })
      .catch((err: unknown) => {
        const refused = err instanceof InputError ? err.message : `the import failed: ${err instanceof Error ? err.message : String(err)}`;
        store.dispatch({ type: 'failed', error: `nothing was stored: ${refused}` });
      });
  };

  const handle: ScreenHandle = {
    keymaps: () => ['import', 'text'],
    onKey(press) {
      if (store.get().step === 'running') return true;
      const action = resolve('import', press);
      if (action && moveList(action, store)) return true;
      switch (action) {
        case 'complete':
          store.dispatch({ type: 'complete', cwd: deps.cwd });
          return true;
        case 'confirm':
          start();
          return true;
        case 'back':
          nav.pop();
          return true;
        default:
          store.dispatch({ type: 'key', press });
          return true;
      }
    },
  };
  useScreen(entry.key, handle);

  return <ImportView state={state} width={width} height={frameHeight(height)} name={open.assessment.name} cwd={deps.cwd} />;
}

export function ImportView({ state, width, height, name, cwd }: { state: ImportState; width: number; height: number; name: string; cwd: string }) {
  const lines = state.report ? reportLines(state.report) : [];
  const shown = lines.slice(state.offset, state.offset + state.height);
  const below = lines.length - state.offset - shown.length;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <TitleBar width={width} left={`Import scanner results into "${name}"`} />
      <Box flexDirection="column" flexGrow={1} marginTop={1}>
        {wrap(`A Prowler file (CSV or JSON-OCSF) or a Security Hub export (ASFF). Its results are stored beside Assay's own; decisions do not change. Relative paths start in ${cwd}.`, width).map((line, i) => (
          <T key={i} tone="muted">
            {line}
          </T>
        ))}
        <Box>
          <T tone="accent" bold>
            {'▸ File  '}
          </T>
          <FieldView field={state.path} width={width - 8} focused={state.step !== 'running'} />
        </Box>
        <Completions completion={state.completion} indent={8} width={width} />
        {state.step === 'running' ? <T tone="info">{'  importing…'}</T> : null}
        {shown.map((line, i) => (
          <T key={state.offset + i} tone={line.startsWith('⚠') ? 'warn' : line.startsWith('Stored') ? 'pass' : 'plain'}>
            {fit(line, width)}
          </T>
        ))}
        {below > 0 ? <T tone="muted">{`  … ${below} more lines (↓ scrolls)`}</T> : null}
      </Box>
      <Message width={width} text={state.error} tone="fail" />
      <Footer width={width} maps={['import']} />
    </Box>
  );
}
