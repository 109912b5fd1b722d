import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { AssayService, type OpenOptions } from '../../src/service.js';
import type { Snapshot } from '../../src/snapshot.js';
import { makeSnapshot, ok } from '../helpers/snapshot.js';

/** A fresh folder per test, removed afterwards with every service opened in it. */
export function tempDirFactory(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-test-'));
    dirs.push(dir);
    return dir;
  };
}

/** The day the tests' clock stands on: decisions are made at 2026-11-25 15:30 UTC. */
export const DECISION_TIME = new Date('2026-11-25T15:30:00Z');

const opened: AssayService[] = [];
afterEach(() => {
  for (const service of opened.splice(0)) service.close();
});

export function openService(dbPath: string, options: Omit<OpenOptions, 'dbPath'> = {}): AssayService {
  const service = AssayService.open({ dbPath, actor: 'alice', now: () => DECISION_TIME, ...options });
  opened.push(service);
  return service;
}

/** A snapshot where 2.7 fails (minimum length 8); every other check lacks its data. */
export function weakPolicySnapshot(minimumLength = 8): Snapshot {
  return makeSnapshot([ok('iam', 'GetAccountPasswordPolicy', { PasswordPolicy: { MinimumPasswordLength: minimumLength } })]);
}

/** A manual and an automated recommendation of the catalogue, used throughout the tests. */
export const MANUAL_REC = '2.1';
export const AUTOMATED_REC = '2.7';
