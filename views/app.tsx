/**
 * The App: the screen stack, the one input dispatcher (overlay first, then the screen on top,
 * then the global keys), the help overlay and the quit question.
 */
import { Box, useApp } from 'ink';
import { useCallback, useMemo, useRef } from 'react';
import { helpLines, HelpOverlay } from './components/help.js';
import { ColorContext, Question, T } from './components/ui.js';
import type { TuiDeps } from './deps.js';
import { homeEntry, sourceEntry } from './entries.js';
import { useKeyPresses } from './input.js';
import { resolve, type KeymapId, type KeyPress } from './keys.js';
import { frameHeight, MIN_HEIGHT, MIN_WIDTH } from './layout.js';
import { NavContext, RegisterContext, type Entry, type Nav, type ScreenHandle } from './nav.js';
import { AttachScreen } from './screens/attach.js';
import { DecideScreen } from './screens/decide.js';
import { DetailScreen } from './screens/detail.js';
import { DriftScreen } from './screens/drift.js';
import { ExportScreen } from './screens/export.js';
import { HomeScreen } from './screens/home.js';
import { ImportScreen } from './screens/import.js';
import { SourceScreen } from './screens/source.js';
import { WalkScreen } from './screens/walk.js';
import { WorkpaperScreen } from './screens/workpaper.js';
import { createStore, useStore } from './store.js';
import { clamp } from './window.js';
import { wrap } from './text.js';

type Overlay = { kind: 'help'; maps: readonly KeymapId[]; offset: number } | { kind: 'quit' };

interface AppState {
  stack: readonly Entry[];
  overlay?: Overlay;
}

type AppAction =
  | { type: 'push'; entry: Entry }
  | { type: 'pop' }
  | { type: 'replace'; entry: Entry }
  | { type: 'home' }
  | { type: 'overlay'; overlay: Overlay | undefined };

function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'push':
      return { ...state, stack: [...state.stack, action.entry] };
    case 'pop':
      return state.stack.length > 1 ? { ...state, stack: state.stack.slice(0, -1) } : state;
    case 'replace':
      return { ...state, stack: [...state.stack.slice(0, -1), action.entry] };
    case 'home':
      return { ...state, stack: state.stack.slice(0, 1) };
    case 'overlay':
      return { ...state, overlay: action.overlay };
  }
}

/** The first screens: the assessments, and on an empty database the welcome with the demo first. */
export function initialStack(deps: TuiDeps, size: { width: number; height: number }): Entry[] {
  const home = homeEntry(deps, size);
  if (home.screen === 'home' && home.store.get().summaries.length === 0) {
    return [home, sourceEntry(deps, { kind: 'new', carryFrom: [] }, { welcome: true })];
  }
  return [home];
}

export interface AppProps {
  deps: TuiDeps;
  /** Terminal size; the TerminalApp wrapper follows resizes, tests pass a fixed size. */
  width: number;
  height: number;
  color?: boolean;
  /** Called once, after the last writes, when the user quits. */
  onQuit?: () => void;
}

function Screen({ entry }: { entry: Entry }) {
  switch (entry.screen) {
    case 'home':
      return <HomeScreen entry={entry} />;
    case 'source':
      return <SourceScreen entry={entry} />;
    case 'walk':
      return <WalkScreen entry={entry} />;
    case 'detail':
      return <DetailScreen entry={entry} />;
    case 'decide':
      return <DecideScreen entry={entry} />;
    case 'attach':
      return <AttachScreen entry={entry} />;
    case 'export':
      return <ExportScreen entry={entry} />;
    case 'drift':
      return <DriftScreen entry={entry} />;
    case 'workpaper':
      return <WorkpaperScreen entry={entry} />;
    case 'import':
      return <ImportScreen entry={entry} />;
  }
}

export function App({ deps, width, height, color = true, onQuit }: AppProps) {
  const { exit } = useApp();
  const size = useRef({ width, height });
  size.current = { width, height };
  const app = useMemo(() => createStore(appReducer, { stack: initialStack(deps, size.current) }), [deps]);
  const state = useStore(app);
  const handles = useRef(new Map<string, ScreenHandle>());
  // Keys that arrive before the screen on top has mounted wait for it (a push and more keys in one chunk).
  const pending = useRef<KeyPress[]>([]);
  const quitting = useRef(false);

  const quit = useCallback(() => {
    if (quitting.current) return;
    quitting.current = true;
    for (const entry of [...app.get().stack].reverse()) handles.current.get(entry.key)?.beforeQuit?.();
    onQuit?.();
    exit();
  }, [app, exit, onQuit]);

  const handlePress = useCallback(
    (press: KeyPress) => {
      if (quitting.current) return;
      if (press.name === 'ctrl-c') return quit();
      if (size.current.width < MIN_WIDTH || size.current.height < MIN_HEIGHT) {
        if (resolve('global', press) === 'quit') quit();
        return;
      }
      const s = app.get();
      const overlay = s.overlay;
      if (overlay?.kind === 'help') {
        const action = resolve('help', press);
        const lines = helpLines(overlay.maps, size.current.width).length;
        const room = frameHeight(size.current.height) - 2;
        if (action === 'close') app.dispatch({ type: 'overlay', overlay: undefined });
        else if (action === 'down' || action === 'up') {
          const offset = clamp(overlay.offset + (action === 'down' ? 1 : -1), 0, Math.max(0, lines - room));
          app.dispatch({ type: 'overlay', overlay: { ...overlay, offset } });
        }
        return;
      }
      if (overlay?.kind === 'quit') {
        const answer = resolve('confirm', press);
        if (answer === 'yes') quit();
        else if (answer === 'no') app.dispatch({ type: 'overlay', overlay: undefined });
        return;
      }
      const top = s.stack[s.stack.length - 1];
      const handle = top ? handles.current.get(top.key) : undefined;
      if (!handle) {
        pending.current.push(press);
        return;
      }
      if (handle.onKey(press)) return;
      const action = resolve('global', press);
      if (action === 'help') app.dispatch({ type: 'overlay', overlay: { kind: 'help', maps: handle.keymaps(), offset: 0 } });
      else if (action === 'quit') {
        if (handle.dirty?.()) app.dispatch({ type: 'overlay', overlay: { kind: 'quit' } });
        else quit();
      }
    },
    [app, quit],
  );

  const register = useCallback(
    (key: string, handle: ScreenHandle | undefined) => {
      if (!handle) {
        handles.current.delete(key);
        return;
      }
      handles.current.set(key, handle);
      const top = app.get().stack.at(-1);
      if (top?.key === key && pending.current.length > 0) {
        const waiting = pending.current;
        pending.current = [];
        for (const press of waiting) handlePress(press);
      }
    },
    [app, handlePress],
  );

  useKeyPresses(handlePress);

  const nav: Nav = useMemo(
    () => ({
      deps,
      width,
      height,
      push: (entry) => app.dispatch({ type: 'push', entry }),
      pop: () => app.dispatch({ type: 'pop' }),
      replace: (entry) => app.dispatch({ type: 'replace', entry }),
      home: () => app.dispatch({ type: 'home' }),
      quit,
    }),
    [app, deps, width, height, quit],
  );

  const top = state.stack[state.stack.length - 1];
  const frame = frameHeight(height);
  if (width < MIN_WIDTH || height < MIN_HEIGHT) {
    return (
      <Box flexDirection="column" width={Math.max(20, width)}>
        <T tone="warn" bold>{`The terminal is ${width}×${height}.`}</T>
        {wrap(`Assay needs at least ${MIN_WIDTH}×${MIN_HEIGHT}: please enlarge the window.`, Math.max(20, width)).map((line, i) => (
          <T key={i}>{line}</T>
        ))}
        <T tone="muted">q quits.</T>
      </Box>
    );
  }
  return (
    <ColorContext.Provider value={color}>
      <NavContext.Provider value={nav}>
        <RegisterContext.Provider value={register}>
          <Box flexDirection="column" width={width} height={frame}>
            {state.overlay?.kind === 'quit' ? <Question width={width} text="A form holds unsaved changes. Quit and lose them?" /> : null}
            {state.overlay?.kind === 'help' ? <HelpOverlay lines={helpLines(state.overlay.maps, width)} offset={state.overlay.offset} width={width} height={frame} /> : null}
            <Box display={state.overlay?.kind === 'help' ? 'none' : 'flex'} flexDirection="column" flexGrow={1}>
              {top ? <Screen key={top.key} entry={top} /> : null}
            </Box>
          </Box>
        </RegisterContext.Provider>
      </NavContext.Provider>
    </ColorContext.Provider>
  );
}
