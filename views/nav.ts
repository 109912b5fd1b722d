/**
 * Navigation: a stack of screen entries. Each entry owns its store, so going back finds the walk
 * exactly as it was left (cursor, filters, selection).
 */
import { createContext, useContext, useLayoutEffect } from 'react';
import type { TuiDeps } from './deps.js';
import type { KeymapId, KeyPress } from './keys.js';
import type { OpenAssessment } from './session.js';
import type { AttachAction, AttachState } from './state/attach.js';
import type { DecideAction, DecideState } from './state/decide.js';
import type { DetailAction, DetailState } from './state/detail.js';
import type { DriftAction, DriftState } from './state/drift.js';
import type { ExportAction, ExportState } from './state/export.js';
import type { HomeAction, HomeState } from './state/home.js';
import type { SourceAction, SourceState } from './state/source.js';
import type { WalkAction, WalkState } from './state/walk.js';
import type { WorkpaperAction, WorkpaperState } from './state/workpaper.js';
import type { ImportAction, ImportState } from './state/import.js';
import type { Store } from './store.js';
import type { Decision } from '../src/model.js';

let nextKey = 1;
/** A unique key per pushed entry, for React and for the key dispatcher. */
export function entryKey(): string {
  return `e${nextKey++}`;
}

export type Entry =
  | { screen: 'home'; key: string; store: Store<HomeState, HomeAction> }
  | {
      screen: 'source';
      key: string;
      store: Store<SourceState, SourceAction>;
      /** After a rescan is stored: the walk reads the new results. */
      onRescanned?: () => void;
    }
  | { screen: 'walk'; key: string; open: OpenAssessment; store: Store<WalkState, WalkAction> }
  | { screen: 'detail'; key: string; open: OpenAssessment; store: Store<DetailState, DetailAction>; order: readonly string[] }
  | {
      screen: 'decide';
      key: string;
      open: OpenAssessment;
      store: Store<DecideState, DecideAction>;
      /** Told which decisions were written, before the form closes. */
      onSaved?: (decisions: Decision[]) => void;
    }
  | { screen: 'attach'; key: string; open: OpenAssessment; recId: string; store: Store<AttachState, AttachAction> }
  | { screen: 'export'; key: string; assessmentId: number; store: Store<ExportState, ExportAction> }
  | { screen: 'drift'; key: string; open: OpenAssessment; store: Store<DriftState, DriftAction> }
  | { screen: 'workpaper'; key: string; open: OpenAssessment; store: Store<WorkpaperState, WorkpaperAction> }
  | {
      screen: 'import';
      key: string;
      open: OpenAssessment;
      store: Store<ImportState, ImportAction>;
    };

/** What the App asks of the screen on top. */
export interface ScreenHandle {
  /** True when the screen used the key; otherwise the global keys get it. */
  onKey(press: KeyPress): boolean;
  /** The key maps the help overlay lists for this screen, in its current state. */
  keymaps(): readonly KeymapId[];
  /** A form holds unsaved text: `q` asks before quitting. */
  dirty?(): boolean;
  /** Last writes before the process ends (the walk records where the assessor was). */
  beforeQuit?(): void;
}

export interface Nav {
  deps: TuiDeps;
  width: number;
  height: number;
  push(entry: Entry): void;
  pop(): void;
  replace(entry: Entry): void;
  /** Back to the home screen, dropping everything above it. */
  home(): void;
  quit(): void;
}

export const NavContext = createContext<Nav | null>(null);
export const RegisterContext = createContext<(key: string, handle: ScreenHandle | undefined) => void>(() => {});

export function useNav(): Nav {
  const nav = useContext(NavContext);
  if (!nav) throw new Error('useNav outside the App');
  return nav;
}

/** Makes `handle` the key handler of the entry while the screen is mounted. */
export function useScreen(key: string, handle: ScreenHandle): void {
  const register = useContext(RegisterContext);
  useLayoutEffect(() => {
    register(key, handle);
  });
  useLayoutEffect(() => () => register(key, undefined), [register, key]);
}
