import type { AssayService, OpenOptions } from '../../src/service.js';
import { testScope } from '../fixtures/assessments.js';

const scope = testScope('assay-carry-');

/** A fresh folder, removed after the test with every service opened in it. */
export const tempDir = scope.tempDir;

/** A service acting as "alice" on a clock the test controls. */
export function openService(dbPath: string, now: () => Date, options: Omit<OpenOptions, 'dbPath' | 'now'> = {}): AssayService {
  return scope.open({ dbPath, actor: 'alice', now, ...options });
}
