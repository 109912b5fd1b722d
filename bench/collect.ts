import { performance } from 'node:perf_hooks';
import { evaluateSnapshot } from '../checks/evaluate.js';
import { collectSnapshot, DEFAULT_CONCURRENCY } from '../src/collect/collector.js';
import { peakRssMb, type BenchSection } from './section.js';
import { SimulatedAccount, type AccountShape } from './simulated-account.js';

const SHAPE: AccountShape = { regions: 17, users: 2000, buckets: 500, securityGroups: 5000, instances: 2000, latencyMs: 50 };

/** Live collection against the simulated account, then evaluation of what it recorded. */
export const collectBench: BenchSection = {
  title: `collection: ${SHAPE.regions} regions, ${SHAPE.users} IAM users, ${SHAPE.buckets} buckets, ${SHAPE.securityGroups} security groups, ${SHAPE.instances} instances; ${SHAPE.latencyMs} ms per call`,
  async run() {
    const account = new SimulatedAccount(SHAPE);
    const started = performance.now();
    const snapshot = await collectSnapshot({
      concurrency: DEFAULT_CONCURRENCY,
      clientConfig: { requestHandler: account.requestHandler, credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' } },
    });
    const wallSeconds = (performance.now() - started) / 1000;
    const lowerBound = (account.requests * SHAPE.latencyMs) / DEFAULT_CONCURRENCY / 1000;
    const failed = snapshot.calls.filter((c) => c.error).length;

    global.gc?.();
    const evaluationStarted = performance.now();
    const results = evaluateSnapshot(snapshot);
    const evaluationSeconds = (performance.now() - evaluationStarted) / 1000;
    const errors = results.filter((r) => r.status === 'error').length;

    return [
      {
        name: 'calls made',
        value: account.requests,
        unit: 'HTTP requests',
        digits: 0,
        note: `${snapshot.calls.length} recorded calls, ${failed} failed as the account intends; ${account.misrouted} bucket calls sent to the wrong region`,
      },
      { name: 'wall time', value: wallSeconds, unit: 's' },
      { name: 'lower bound', value: lowerBound, unit: 's', note: `${account.requests} × ${SHAPE.latencyMs} ms ÷ ${DEFAULT_CONCURRENCY}` },
      { name: 'ratio wall / lower bound', value: wallSeconds / lowerBound, unit: '', target: { max: 1.3 } },
      { name: 'peak RSS', value: peakRssMb(), unit: 'MB', digits: 0, target: { max: 300, strict: true } },
      { name: 'evaluation (63 checks)', value: evaluationSeconds, unit: 's', target: { max: 1, strict: true }, note: `${results.length} results, ${errors} with missing input` },
    ];
  },
};
