/**
 * The demo account assessed twice: an earlier assessment, and one carried forward from it with
 * decisions of every kind (pass, fail rated and unrated, a custom due date, exceptions valid,
 * expiring and expired, not applicable, carried) and attachments, some with hostile names.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import yauzl from 'yauzl';
import { carryForward } from '../../src/carry.js';
import { loadDemoSnapshot } from '../../src/demo.js';
import type { AssayService } from '../../src/service.js';
import type { Snapshot } from '../../src/snapshot.js';
import { testScope } from '../fixtures/assessments.js';

// Suites share one pack across their tests, so everything is cleaned up when the file is done.
const scope = testScope('assay-pack-', afterAll);

export const tempDir = scope.tempDir;

export class Clock {
  constructor(public time: Date) {}
  set(iso: string): void {
    this.time = new Date(iso);
  }
  readonly now = (): Date => this.time;
}

export function openService(dbPath: string, clock: Clock, actor = 'ava.auditor'): AssayService {
  return scope.open({ dbPath, actor, now: clock.now });
}

/** The demo snapshot with the password policy's minimum length replaced (2.7 passes at 14+). */
export function demoWithPasswordLength(length: number): Snapshot {
  const snapshot = loadDemoSnapshot();
  return {
    ...snapshot,
    calls: snapshot.calls.map((call) =>
      call.service === 'iam' && call.operation === 'GetAccountPasswordPolicy' && call.output
        ? { ...call, output: { PasswordPolicy: { ...(call.output as { PasswordPolicy: object }).PasswordPolicy, MinimumPasswordLength: length } } }
        : call,
    ),
  };
}

/** Names stored for attachments in the database, as a hostile or broken client could leave them. */
export const HOSTILE_NAMES = ['../../../etc/passwd', '/abs/path/report.txt', 'nul\u0000byte.txt', 'C:\\Windows\\evil.bat', 'line\nbreak\u0007.txt', '..'];

export interface DemoPack {
  dir: string;
  dbPath: string;
  clock: Clock;
  service: AssayService;
  previousId: number;
  assessmentId: number;
}

export function buildDemoAssessment(options: { hostileNames?: boolean; attachments?: boolean } = {}): DemoPack {
  const dir = tempDir();
  const dbPath = join(dir, 'assay.db');
  const clock = new Clock(new Date('2026-10-01T09:00:00Z'));
  const service = openService(dbPath, clock);

  const previous = service.createAssessment({ name: 'Northwind Retail Q3', source: 'demo', snapshot: demoWithPasswordLength(8) });
  clock.set('2026-10-02T10:00:00Z');
  service.decide(previous.id, { recId: '2.1', status: 'exception', justification: 'Contacts are kept by the organisation account', approver: 'Dana CISO', expiresAt: '2027-06-30' });
  service.decide(previous.id, { recId: '2.20', status: 'not_applicable', justification: 'Single account, no federation in scope' });

  clock.set('2026-11-20T10:00:00Z');
  const outcome = carryForward(service, previous.id, { name: 'Northwind Retail Q4', source: 'demo', snapshot: loadDemoSnapshot() }, { today: clock.now() });
  const id = outcome.assessment.id;

  clock.set('2026-11-21T09:00:00Z');
  // Expires two days later: by the time of the last change below it has run out.
  service.decide(id, { recId: '4.2', status: 'exception', justification: 'Logging gap accepted during migration', approver: 'Dana CISO', expiresAt: '2026-11-23', likelihood: 2, impact: 2 });

  clock.set('2026-11-26T14:30:00Z');
  service.decide(id, { recId: '2.9', status: 'fail', justification: 'admin.ava signs in to the console without MFA', likelihood: 3, impact: 4, likelihoodWhy: 'Password-only console users are a frequent target', impactWhy: 'admin.ava holds AdministratorAccess & could take over the account', mitigation: 'avoidance', mitigationWhy: 'Console access without MFA is removed until a device is registered', owner: 'iam-team' });
  service.decide(id, { recId: '2.8', status: 'fail', justification: 'Password reuse is not prevented' });
  service.decide(id, { recId: '3.1.1', status: 'fail', justification: 'Two buckets accept plain HTTP', likelihood: 2, impact: 3, owner: 'storage-team', dueDate: '2026-12-05' });
  service.decide(id, { recId: '3.1.2', status: 'exception', justification: 'MFA Delete is impractical for the backup bucket; versioning and Object Lock cover it', approver: 'Dana CISO', expiresAt: '2027-05-31', likelihood: 1, impact: 3, mitigation: 'acceptance', owner: 'storage-team' });
  service.decide(id, { recId: '2.11', status: 'exception', justification: 'Break-glass user kept for the quarter-end freeze', approver: 'Lee Risk', expiresAt: '2026-12-10', likelihood: 2, impact: 3 });
  service.decide(id, { recId: '2.3', status: 'pass', justification: 'Root has no access keys (checked in the console too)' });
  service.decide(id, { recId: '2.6', status: 'not_applicable', justification: '=HYPERLINK("http://example.invalid") root is never used' });

  if (options.attachments !== false) {
    const files = join(dir, 'files');
    mkdirSync(files);
    const note = join(files, 'mfa-console-screenshot.txt');
    writeFileSync(note, 'IAM console: admin.ava, MFA: not assigned\n');
    service.attach(id, '2.9', note, 'what the console showed on 2026-11-26');
    const image = join(files, 'bucket-policy.png');
    writeFileSync(image, Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(4096, 7)]));
    service.attach(id, '3.1.1', image);
    // A name with a backslash path and control characters, as a Linux file name can have.
    const odd = join(files, '..\\..\\odd\tname\u0001.txt');
    writeFileSync(odd, 'odd name\n');
    service.attach(id, '3.1.2', odd);
  }
  if (options.hostileNames) {
    HOSTILE_NAMES.forEach((name, i) => {
      const file = join(dir, 'files', `hostile-${i}.txt`);
      writeFileSync(file, `hostile ${i}\n`);
      // Names no file system allows (a NUL, a slash) reach the store as recorded names.
      service.attach(id, '2.9', file, undefined, { name });
    });
  }
  return { dir, dbPath, clock, service, previousId: previous.id, assessmentId: id };
}

/** Every entry of a zip, read into memory (test packs are small). */
export async function readZipEntries(path: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  const entries = new Map<string, Buffer>();
  try {
    for await (const entry of zip.eachEntry()) {
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
      entries.set(entry.fileName, Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  return entries;
}

/** Writes each entry to `dir` (names are checked first: test input only). */
export function extractTo(entries: Map<string, Buffer>, dir: string): void {
  for (const [name, content] of entries) {
    if (name.split('/').includes('..') || name.startsWith('/')) throw new Error(`refusing to extract ${name}`);
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
  }
}
