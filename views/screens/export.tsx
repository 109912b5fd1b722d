/** Export the evidence pack: where to, progress, and where it went. */
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { Box } from 'ink';
import { useEffect, useRef } from 'react';
import { Completions, FieldView, Footer, ProgressBar, Question, Message, T, TitleBar } from '../components/ui.js';
import { resolve, TEXT_FIELD } from '../keys.js';
import { frameHeight } from '../layout.js';
import { rememberPackFolder } from '../entries.js';
import { useNav, useScreen, type Entry, type ScreenHandle } from '../nav.js';
import { ensureParentFolder, resolvePath } from '../paths.js';
import { throttleProgress } from '../progress.js';
import type { ExportState } from '../state/export.js';
import { useStore } from '../store.js';
import { formatBytes, truncate, wrap } from '../text.js';

type ExportEntry = Extract<Entry, { screen: 'export' }>;

export function ExportScreen({ entry }: { entry: ExportEntry }) {
  const nav = useNav();
  const { deps, width } = nav;
  const { store } = entry;
  const state = useStore(store);
  const abort = useRef<AbortController | undefined>(undefined);

  useEffect(() => () => abort.current?.abort(), []);

  const run = () => {
    const s = store.get();
    if (!deps.exportPack) {
      store.dispatch({ type: 'failed', error: 'the evidence pack writer is not available in this build; use `assay export`' });
      return;
    }
    const path = resolvePath(s.path.value, deps.cwd);
    const folderProblem = ensureParentFolder(path);
    if (folderProblem) {
      store.dispatch({ type: 'failed', error: `${folderProblem}; choose another place for the pack` });
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    store.dispatch({ type: 'running' });
    const onProgress = throttleProgress((progress) => store.dispatch({ type: 'progress', progress }));
    const signKey = s.sign ? resolvePath(s.key.value, deps.cwd) : undefined;
    deps
      .exportPack(s.assessmentId, path, { onProgress, signal: controller.signal, ...(signKey ? { signKey } : {}) })
      .then((result) => {
        rememberPackFolder(deps, dirname(path));
        store.dispatch({ type: 'done', result });
      })
      .catch((err: unknown) =>
        store.dispatch({ type: 'failed', error: controller.signal.aborted ? 'stopped; no pack was written' : err instanceof Error ? err.message : String(err) }),
      );
  };

  const start = () => {
    const s = store.get();
    if (!s.path.value.trim()) {
      store.dispatch({ type: 'failed', error: 'give a path for the pack (a .zip file)' });
      return;
    }
    if (s.sign && !existsSync(resolvePath(s.key.value, deps.cwd))) {
      const key = resolvePath(s.key.value, deps.cwd);
      store.dispatch({ type: 'failed', error: `no signing key at ${key}; make one with \`assay keygen --out ${key}\`, give another key, or turn signing off` });
      return;
    }
    if (existsSync(resolvePath(s.path.value, deps.cwd))) store.dispatch({ type: 'ask-overwrite' });
    else run();
  };

  const handle: ScreenHandle = {
    keymaps: () => {
      const s = store.get();
      if (s.step === 'confirm-overwrite') return ['confirm'];
      return s.step === 'path' && s.focus !== 'sign' ? ['export', 'text'] : ['export'];
    },
    onKey(press) {
      const s = store.get();
      if (s.step === 'confirm-overwrite') {
        const answer = resolve('confirm', press);
        if (answer === 'yes') run();
        else if (answer === 'no') store.dispatch({ type: 'keep-editing' });
        return true;
      }
      const action = resolve('export', press, s.focus === 'sign' ? ['choice field'] : []);
      if (s.step === 'running') {
        if (action === 'back') abort.current?.abort();
        return true;
      }
      if (s.step === 'done') {
        if (action === 'back' || action === 'confirm') nav.pop();
        return action !== undefined;
      }
      switch (action) {
        case 'complete':
          store.dispatch({ type: 'complete', cwd: deps.cwd });
          return true;
        case 'next-field':
        case 'prev-field':
          store.dispatch({ type: 'focus', by: action === 'next-field' ? 1 : -1 });
          return true;
        case 'toggle':
          store.dispatch({ type: 'toggle-sign' });
          return true;
        case 'confirm':
          start();
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

  return <ExportView state={state} width={width} height={frameHeight(nav.height)} cwd={deps.cwd} />;
}

export function ExportView({ state, width, height, cwd }: { state: ExportState; width: number; height: number; cwd: string }) {
  const result = state.result;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <TitleBar width={width} left={`Export the evidence pack of "${state.name}"`} />
      <Box flexDirection="column" flexGrow={1} marginTop={1}>
        {wrap(`The pack is a zip: report, decisions, history with its hash chain, snapshot, attachments, OSCAL. A missing folder is created; relative paths start in ${cwd}.`, width).map((line, i) => (
          <T key={i} tone="muted">
            {line}
          </T>
        ))}
        <T> </T>
        <Box>
          <T tone={state.focus === 'path' ? 'accent' : 'muted'} bold>
            {`${state.focus === 'path' ? '▸' : ' '} Pack  `}
          </T>
          <FieldView field={state.path} width={width - 8} focused={state.step === 'path' && state.focus === 'path'} />
        </Box>
        {state.focus === 'path' ? <Completions completion={state.completion} indent={8} width={width} /> : null}
        <Box>
          <T tone={state.focus === 'sign' ? 'accent' : 'muted'} bold>
            {`${state.focus === 'sign' ? '▸' : ' '} Sign  `}
          </T>
          <T>{state.sign ? '◂ yes ▸ SHA256SUMS.minisig with the key below' : '◂ no ▸  unsigned (reviewers check the hashes only)'}</T>
        </Box>
        {state.sign ? (
          <Box>
            <T tone={state.focus === 'key' ? 'accent' : 'muted'} bold>
              {`${state.focus === 'key' ? '▸' : ' '} Key   `}
            </T>
            <FieldView field={state.key} width={width - 8} focused={state.step === 'path' && state.focus === 'key'} />
          </Box>
        ) : null}
        {state.focus === 'key' ? <Completions completion={state.completion} indent={8} width={width} /> : null}
        {state.step === 'running' && state.progress ? <ProgressBar width={width} done={state.progress.done} total={state.progress.total} current={state.progress.current} /> : null}
        {result ? (
          <Box flexDirection="column">
            <T tone="pass" bold>
              {truncate(`✓ written: ${result.path}`, width)}
            </T>
            <T>
              {truncate(
                [result.bytes !== undefined ? formatBytes(result.bytes) : '', result.files !== undefined ? `${result.files} files` : '', result.sha256 ? `sha256 ${result.sha256}` : '']
                  .filter(Boolean)
                  .join(' · '),
                width,
              )}
            </T>
            {wrap(verifyHint(result.path, state.sign ? `${resolvePath(state.key.value, cwd)}.pub` : undefined), width).map((line, i) => (
              <T key={i} tone="muted">
                {line}
              </T>
            ))}
          </Box>
        ) : null}
      </Box>
      {state.step === 'confirm-overwrite' ? <Question width={width} text="That file exists. Replace it?" /> : <Message width={width} text={state.error} tone="fail" />}
      <Footer width={width} maps={state.step === 'confirm-overwrite' ? ['confirm'] : ['export']} modes={state.focus === 'sign' ? ['choice field'] : [TEXT_FIELD]} />
    </Box>
  );
}

/** The verify line to give reviewers: with the public key when signed, since only that proves who signed. */
function verifyHint(packPath: string, publicKey: string | undefined): string {
  return publicKey
    ? `check it any time with: assay verify ${packPath} --pubkey ${publicKey} (reviewers get the .pub from you, never from the pack)`
    : `check it any time with: assay verify ${packPath} (unsigned: the hashes prove it unchanged since export, not who made it)`;
}
