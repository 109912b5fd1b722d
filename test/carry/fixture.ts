import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { AssayService, type OpenOptions } from '../../src/service.js';
import type { Snapshot } from '../../src/snapshot.js';
import { makeSnapshot, ok } from '../helpers/snapshot.js';

const dirs: string[] = [];
const opened: AssayService[] = [];
afterEach(() => {
  for (const service of opened.splice(0)) service.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder, removed after the test with every service opened in it. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'assay-carry-'));
  dirs.push(dir);
  return dir;
}

/** A service acting as "alice" on a clock the test controls. */
export function openService(dbPath: string, now: () => Date, options: Omit<OpenOptions, 'dbPath' | 'now'> = {}): AssayService {
  const service = AssayService.open({ dbPath, actor: 'alice', now, ...options });
  opened.push(service);
  return service;
}

/** A snapshot of the test account whose password policy asks for `minimumLength` characters (2.7). */
export function passwordPolicySnapshot(minimumLength: number, account = '111122223333'): Snapshot {
  return { ...makeSnapshot([ok('iam', 'GetAccountPasswordPolicy', { PasswordPolicy: { MinimumPasswordLength: minimumLength } })]), account };
}
