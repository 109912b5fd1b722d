import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemoSnapshot } from '../../src/demo.js';
import { AssayService } from '../../src/service.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the reads the TUI relies on', () => {
  it('give each result status without findings, and one recommendation with its findings', () => {
    dir = mkdtempSync(join(tmpdir(), 'assay-reads-'));
    const service = AssayService.open({ dbPath: join(dir, 'a.db'), actor: 't' });
    try {
      const { id } = service.createAssessment({ name: 'demo', source: 'demo', snapshot: loadDemoSnapshot() });
      service.storeResults(id, [{ id: '2.9', status: 'pass', findings: [{ resource: 'u', region: 'global', status: 'pass', detail: 'imported' }] }], 'prowler');
      const all = service.getResults(id);
      expect(service.resultStatuses(id)).toEqual(all.map(({ recId, source, status }) => ({ recId, source, status })));
      expect(service.resultsFor(id, '2.9')).toEqual(all.filter((r) => r.recId === '2.9'));
      expect(service.resultsFor(id, '2.9').map((r) => r.source)).toEqual(['assay', 'prowler']);
      expect(() => service.resultsFor(id, '9.9')).toThrow(/unknown recommendation "9.9"/);
    } finally {
      service.close();
    }
  });
});
