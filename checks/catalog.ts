import { IAM } from './iam/index.js';
import { STORAGE } from './storage/index.js';
import { LOGGING } from './logging/index.js';
import { MONITORING } from './monitoring/index.js';
import { NETWORKING } from './networking/index.js';
import type { Recommendation } from './types.js';

/** Orders ids such as 2.9 < 2.10 and 3.1.4 < 3.2.1. */
export function compareIds(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** All recommendations of CIS AWS Foundations Benchmark v6.0.0, in benchmark order. */
export const CATALOG: readonly Recommendation[] = [...IAM, ...STORAGE, ...LOGGING, ...MONITORING, ...NETWORKING].sort((a, b) =>
  compareIds(a.id, b.id),
);

const byId = new Map(CATALOG.map((r) => [r.id, r]));

export function findRecommendation(id: string): Recommendation | undefined {
  return byId.get(id);
}

export const BENCHMARK = { name: 'CIS Amazon Web Services Foundations Benchmark', version: '6.0.0' } as const;
