import { describe, expect, it } from 'vitest';
import { CATALOG, compareIds, findRecommendation } from '../checks/catalog.js';
import { MAPPING_SOURCES, MAPPINGS, preferredNist } from '../checks/mappings.js';
import { riskLevel } from '../src/risk.js';
import { runCli } from '../src/cli.js';

// id → level and assessment (a = automated, m = manual), read off CIS AWS Foundations v6.0.0.
const BENCHMARK_FACTS =
  '2.1:1m 2.2:1m 2.3:1a 2.4:1a 2.5:2m 2.6:1m 2.7:1a 2.8:1a 2.9:1a 2.10:1m 2.11:1a 2.12:1a 2.13:1a 2.14:1a 2.15:1a 2.16:1a ' +
  '2.17:2a 2.18:1a 2.19:1a 2.20:2m 2.21:1m 3.1.1:2a 3.1.2:2m 3.1.3:2m 3.1.4:1a 3.2.1:1a 3.2.2:1a 3.2.3:1a 3.2.4:1m 3.3.1:1a ' +
  '4.1:1m 4.2:2a 4.3:2a 4.4:1m 4.5:2a 4.6:2a 4.7:2a 4.8:2a 4.9:2a 5.1:2m 5.2:1m 5.3:1m 5.4:1m 5.5:1m 5.6:2m 5.7:2m 5.8:1m ' +
  '5.9:2m 5.10:2m 5.11:2m 5.12:1m 5.13:1m 5.14:1m 5.15:1m 5.16:2a 6.1.1:1a 6.1.2:1a 6.2:1a 6.3:1a 6.4:1a 6.5:2a 6.6:2m 6.7:1a';

const expected = BENCHMARK_FACTS.split(' ').map((entry) => {
  const [id, facts] = entry.split(':') as [string, string];
  return { id, level: Number(facts[0]), assessment: facts[1] === 'a' ? 'automated' : 'manual' };
});

describe('the benchmark catalogue', () => {
  it('holds the 63 recommendations of v6.0.0 in benchmark order', () => {
    expect(CATALOG.map((r) => r.id)).toEqual(expected.map((e) => e.id));
  });

  it('counts 35 automated, 28 manual, 41 level 1 and 22 level 2', () => {
    expect(CATALOG.filter((r) => r.assessment === 'automated')).toHaveLength(35);
    expect(CATALOG.filter((r) => r.assessment === 'manual')).toHaveLength(28);
    expect(CATALOG.filter((r) => r.level === 1)).toHaveLength(41);
    expect(CATALOG.filter((r) => r.level === 2)).toHaveLength(22);
  });

  it('gives each recommendation the benchmark level and assessment type', () => {
    for (const e of expected) {
      const rec = findRecommendation(e.id);
      expect({ id: e.id, level: rec?.level, assessment: rec?.assessment }).toEqual(e);
    }
  });

  it('puts each id in its section and subsection', () => {
    for (const rec of CATALOG) {
      expect(rec.id.startsWith(`${rec.section}.`)).toBe(true);
      const parts = rec.id.split('.');
      expect(rec.subsection).toBe(parts.length === 3 ? `${parts[0]}.${parts[1]}` : undefined);
    }
  });

  it('has guidance, reads and framework mappings for every recommendation', () => {
    for (const rec of CATALOG) {
      const sentences = rec.guidance.protects.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 3);
      expect(sentences.length, `${rec.id} protects: 2–4 sentences`).toBeGreaterThanOrEqual(2);
      expect(sentences.length, `${rec.id} protects: 2–4 sentences`).toBeLessThanOrEqual(4);
      expect(rec.guidance.verifyConsole.length, `${rec.id} console steps`).toBeGreaterThan(0);
      expect(rec.guidance.verifyCli.length, `${rec.id} CLI steps`).toBeGreaterThan(0);
      expect(rec.guidance.remediation.length, `${rec.id} remediation`).toBeGreaterThan(0);
      expect(rec.reads.length, `${rec.id} reads`).toBeGreaterThan(0);
      expect(rec.risk.mitigationWhy.length, `${rec.id} mitigation why`).toBeGreaterThan(10);
      expect(MAPPINGS.some((m) => m.id === rec.id), `${rec.id} mappings`).toBe(true);
    }
  });

  it('starts each risk card at the level of the recommendation default severity', () => {
    const asLevel = (severity: string) => (severity === 'informational' ? 'low' : severity);
    for (const rec of CATALOG) {
      const mapping = MAPPINGS.find((m) => m.id === rec.id);
      expect({ id: rec.id, level: riskLevel(rec.risk.likelihood, rec.risk.impact) }).toEqual({ id: rec.id, level: asLevel(mapping?.defaultSeverity ?? '') });
    }
  });

  it('orders ids numerically, not as text', () => {
    expect(['2.10', '2.9', '3.1.4', '3.2.1', '2.1'].sort(compareIds)).toEqual(['2.1', '2.9', '2.10', '3.1.4', '3.2.1']);
  });
});

describe('assay catalog --json', () => {
  it('prints every recommendation with the contract fields', async () => {
    let out = '';
    const code = await runCli(['catalog', '--json'], { out: (t) => (out += t), err: () => {} });
    expect(code).toBe(0);
    const parsed = JSON.parse(out) as { recommendations: Record<string, unknown>[] };
    expect(parsed.recommendations).toHaveLength(63);
    for (const rec of parsed.recommendations) {
      expect(typeof rec.id).toBe('string');
      expect(typeof rec.title).toBe('string');
      expect(typeof rec.section).toBe('string');
      expect([1, 2]).toContain(rec.level);
      expect(['automated', 'manual']).toContain(rec.assessment);
    }
    expect(parsed.recommendations.find((r) => r.id === '2.7')).toMatchObject({ section: '2', level: 1, assessment: 'automated' });
  });
});

describe('NIST mappings shown everywhere', () => {
  it('prefer Security Hub for 800-53 and fall back for 800-171, naming the source', () => {
    const m = MAPPINGS.find((x) => x.id === '2.9')!;
    const chosen = preferredNist(m);
    expect(chosen.nist53.ids).toEqual(m.securityHubNist53);
    expect(chosen.nist53.source).toMatch(/Security Hub/);
    expect(chosen.nist171.ids).toEqual(m.nist171);
    const unmappedByProwler = MAPPINGS.find((x) => x.nist171.length === 0 && x.securityHubNist171.length > 0)!;
    expect(preferredNist(unmappedByProwler).nist171).toEqual({ ids: unmappedByProwler.securityHubNist171, source: MAPPING_SOURCES.securityHub });
    expect(preferredNist(MAPPINGS.find((x) => x.id === '2.1')!).nist171).toEqual({ ids: [] });
  });
});
