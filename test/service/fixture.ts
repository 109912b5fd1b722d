import type { AssayService, OpenOptions } from '../../src/service.js';
import { testScope } from '../fixtures/assessments.js';

const scope = testScope('assay-test-');

/** A fresh folder per test, removed afterwards with every service opened in it. */
export const tempDir = scope.tempDir;

/** The day the tests' clock stands on: decisions are made at 2026-11-25 15:30 UTC. */
export const DECISION_TIME = new Date('2026-11-25T15:30:00Z');

export function openService(dbPath: string, options: Omit<OpenOptions, 'dbPath'> = {}): AssayService {
  return scope.open({ dbPath, actor: 'alice', now: () => DECISION_TIME, ...options });
}

/** A manual and an automated recommendation of the catalogue, used throughout the tests. */
export const MANUAL_REC = '2.1';
export const AUTOMATED_REC = '2.7';
