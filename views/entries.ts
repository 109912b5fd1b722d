/** Builders of screen entries: each makes the screen's store with its data already loaded. */
import type { Decision } from '../src/model.js';
import type { TuiDeps } from './deps.js';
import { DETAIL_CHROME, driftListHeight, HOME_CHROME, IMPORT_CHROME, listHeight, WALK_CHROME, WORKPAPER_CHROME } from './layout.js';
import { entryKey, type Entry } from './nav.js';
import { OpenAssessment } from './session.js';
import { attachReducer, initialAttach } from './state/attach.js';
import { decideReducer, initialDecide, type Status } from './state/decide.js';
import { detailReducer, initialDetail } from './state/detail.js';
import { driftReducer, initialDrift } from './state/drift.js';
import { exportReducer, initialExport } from './state/export.js';
import { homeReducer, initialHome } from './state/home.js';
import { initialSource, sourceReducer, type Purpose } from './state/source.js';
import { importReducer, initialImport } from './state/import.js';
import { initialWalk, walkReducer } from './state/walk.js';
import { initialWorkpaper, workpaperReducer } from './state/workpaper.js';
import { createStore } from './store.js';

export interface Size {
  width: number;
  height: number;
}

export function homeEntry(deps: TuiDeps, size: Size): Entry {
  const summaries = deps.service.listAssessments(deps.today());
  return { screen: 'home', key: entryKey(), store: createStore(homeReducer, initialHome(summaries, listHeight(size.height, HOME_CHROME))) };
}

export function sourceEntry(deps: TuiDeps, purpose: Purpose, options: { welcome?: boolean; onRescanned?: () => void } = {}): Entry {
  const defaultProfile = process.env.AWS_PROFILE ?? '';
  return {
    screen: 'source',
    key: entryKey(),
    store: createStore(sourceReducer, initialSource({ purpose, welcome: options.welcome ?? false, liveAvailable: deps.collect !== undefined, defaultProfile })),
    ...(options.onRescanned ? { onRescanned: options.onRescanned } : {}),
  };
}

/** Opens an assessment's walk on the recommendation the assessor last had open. */
export function walkEntry(deps: TuiDeps, assessmentId: number, size: Size): Entry {
  const open = new OpenAssessment(deps, assessmentId);
  const state = initialWalk(open.rows(), listHeight(size.height, WALK_CHROME), open.assessment.lastRecId);
  return { screen: 'walk', key: entryKey(), open, store: createStore(walkReducer, state) };
}

export function detailEntry(open: OpenAssessment, recId: string, order: readonly string[], size: Size): Entry {
  open.place(recId);
  const state = initialDetail(open.detail(recId), size.width, listHeight(size.height, DETAIL_CHROME));
  return { screen: 'detail', key: entryKey(), open, order, store: createStore(detailReducer, state) };
}

export function decideEntry(open: OpenAssessment, recIds: readonly string[], status: Status | undefined, today: Date, onSaved?: (decisions: Decision[]) => void): Entry {
  const state = initialDecide(open.targets(recIds), today, { ...(status ? { status } : {}), ...(open.assessment.maxExceptionDays ? { maxExceptionDays: open.assessment.maxExceptionDays } : {}) });
  return { screen: 'decide', key: entryKey(), open, store: createStore(decideReducer, state), ...(onSaved ? { onSaved } : {}) };
}

export function attachEntry(open: OpenAssessment, recId: string): Entry {
  return { screen: 'attach', key: entryKey(), open, recId, store: createStore(attachReducer, initialAttach(recId)) };
}

/** The folder the last pack of this session went to; the next export offers it again. */
const lastPackFolder = new WeakMap<TuiDeps, string>();

export function rememberPackFolder(deps: TuiDeps, folder: string): void {
  lastPackFolder.set(deps, folder);
}

export function exportEntry(deps: TuiDeps, assessmentId: number, name: string): Entry {
  const folder = lastPackFolder.get(deps) ?? deps.packFolder;
  return { screen: 'export', key: entryKey(), assessmentId, store: createStore(exportReducer, initialExport(assessmentId, name, deps.today(), folder, deps.signKey)) };
}

export function driftEntry(deps: TuiDeps, open: OpenAssessment, size: Size): Entry | string {
  const from = open.assessment.carriedFrom;
  if (from === undefined) return 'this assessment was not carried forward from an earlier one, so there is no drift to show';
  if (!deps.drift) return 'the drift view is not available in this build';
  let fromName = `assessment ${from}`;
  try {
    fromName = `#${from} ${deps.service.getAssessment(from).name}`;
  } catch {
    // The earlier assessment was deleted; its id still names it.
  }
  const rows = deps.drift(open.id);
  return { screen: 'drift', key: entryKey(), open, store: createStore(driftReducer, initialDrift(rows, fromName, driftListHeight(size.height))) };
}

export function workpaperEntry(open: OpenAssessment, size: Size): Entry {
  return { screen: 'workpaper', key: entryKey(), open, store: createStore(workpaperReducer, initialWorkpaper(open.workpaper(), listHeight(size.height, WORKPAPER_CHROME))) };
}

export function importEntry(open: OpenAssessment, size: Size): Entry {
  return { screen: 'import', key: entryKey(), open, store: createStore(importReducer, initialImport(listHeight(size.height, IMPORT_CHROME))) };
}
