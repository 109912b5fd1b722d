import { it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { validateSnapshot } from '../../src/snapshot.js';
import { collectScript } from '../../src/collect/script.js';
import { runCollectScript, fakeAwsAnswers } from './run-script.js';
it('smoke', () => {
  writeFileSync('/tmp/collect.sh', collectScript());
  const snap = validateSnapshot(JSON.parse(readFileSync('test/fixtures/collect/mini-account.json', 'utf8')), 'x');
  const run = runCollectScript(fakeAwsAnswers(snap));
  console.log(run.status, run.stderr.slice(-2000), run.snapshot?.calls.length, run.invocations.length);
  if (run.snapshot) {
    const keys = (s: typeof snap) => new Set(s.calls.map(c => `${c.service} ${c.operation} ${c.region} ${JSON.stringify(c.params)}`));
    const a = keys(run.snapshot), b = keys(snap);
    console.log('only script', [...a].filter(k => !b.has(k)));
    console.log('only fixture', [...b].filter(k => !a.has(k)));
  }
  expect(1).toBe(1);
});
