import { CATALOG } from '../../checks/catalog.js';
import type { ApiRead, Recommendation } from '../../checks/types.js';
import { PLAN, fillParams, type PlanStep } from './plan.js';

// Any account and the commercial partition: the checks name fixed ARNs in the `aws` partition.
const SAMPLE_IDENTITY = { account: '111122223333', partition: 'aws' };

/**
 * Does this plan step record the call a check reads: same operation, same kind of region (global or
 * per region), and exactly the request members the read names (fixed values, or identifiers)?
 */
export function covers(step: PlanStep, read: ApiRead): boolean {
  if (step.service !== read.service || step.operation !== read.operation) return false;
  const global = step.scope === 'derived' ? step.region === 'global' : step.scope === 'global';
  if (global !== (read.scope === 'global')) return false;
  const fixed = step.scope === 'derived' ? {} : fillParams(step.params, SAMPLE_IDENTITY);
  const members = step.scope === 'derived' ? Object.keys(step.params) : Object.keys(fixed);
  if (read.params) {
    const wanted = Object.entries(read.params);
    return members.length === wanted.length && wanted.every(([k, v]) => JSON.stringify(fixed[k]) === JSON.stringify(v));
  }
  const per = (read.per ?? '').split(',').map((m) => m.trim()).filter(Boolean);
  return members.length === per.length && per.every((m) => members.includes(m));
}

/** The steps a step leads to: those derived from it or waiting for it, and theirs in turn. */
function ledTo(step: PlanStep, plan: readonly PlanStep[]): PlanStep[] {
  return plan.filter((s) => (s.scope === 'derived' ? s.from : s.after) === step.id).flatMap((s) => [s, ...ledTo(s, plan)]);
}

/** The recommendations that read this call, or a call it leads to (the credential report for GenerateCredentialReport). */
export function readersOf(step: PlanStep, catalog: readonly Recommendation[] = CATALOG, plan: readonly PlanStep[] = PLAN): string[] {
  const steps = [step, ...ledTo(step, plan)];
  return catalog.filter((rec) => rec.reads.some((read) => steps.some((s) => covers(s, read)))).map((rec) => rec.id);
}
