import { readdirSync, readFileSync } from 'node:fs';
import { packagePath } from './paths.js';
import { paramsKey, validateSnapshot, type Snapshot, type SnapshotCall } from './snapshot.js';

const FRAGMENTS = packagePath('src', 'demo', 'fragments');

/**
 * The bundled demo account: a hand-written snapshot of a fictional company, kept as one
 * fragment per area. The same call may stand in two fragments only if both record it identically.
 */
export function loadDemoSnapshot(folder = FRAGMENTS): Snapshot {
  const base = JSON.parse(readFileSync(`${folder}/base.json`, 'utf8')) as Snapshot;
  const calls = new Map<string, { call: SnapshotCall; file: string }>();
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
    const fragment = JSON.parse(readFileSync(`${folder}/${file}`, 'utf8')) as { calls: SnapshotCall[] };
    for (const call of fragment.calls) {
      const key = `${call.service} ${call.operation} ${call.region} ${paramsKey(call.params)}`;
      const seen = calls.get(key);
      if (seen && JSON.stringify(seen.call) !== JSON.stringify(call)) {
        throw new Error(`demo snapshot: ${key} differs between ${seen.file} and ${file}`);
      }
      calls.set(key, { call, file });
    }
  }
  return validateSnapshot({ ...base, calls: [...calls.values()].map((c) => c.call) }, 'demo snapshot');
}
