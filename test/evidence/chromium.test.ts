import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../checks/catalog.js';
import { exportPack } from '../../evidence/export.js';
import { renderOffline, type RenderedPage } from './chromium.js';
import { buildDemoAssessment, extractTo, readZipEntries } from './fixture.js';

/** Screenshots and the printed PDF are kept here for people to look at (gitignored). */
const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-artifacts', 'evidence');

function count(html: string, pattern: RegExp): number {
  return html.match(pattern)?.length ?? 0;
}

describe('the report in headless Chromium, offline and without scripts', () => {
  let dir: string;
  let index: RenderedPage;
  let scheduleRows: number;
  beforeAll(async () => {
    const pack = buildDemoAssessment();
    const zip = join(pack.dir, 'pack.zip');
    await exportPack(pack.service, pack.assessmentId, zip);
    const entries = await readZipEntries(zip);
    scheduleRows = entries.get('schedule.csv')!.toString('utf8').trimEnd().split('\n').length - 1;
    dir = join(pack.dir, 'extracted');
    extractTo(entries, dir);
    mkdirSync(ARTIFACTS, { recursive: true });
    index = await renderOffline(join(dir, 'index.html'), { screenshot: join(ARTIFACTS, 'index.png'), pdf: join(ARTIFACTS, 'index.pdf') });
  }, 90_000);

  it('renders without making a single request', () => {
    expect(index.requests).toEqual([]);
    expect(index.height).toBeGreaterThan(2000);
  });

  it('shows the assessment and the summary with its compliance score', () => {
    expect(index.html).toContain('<section id="summary">');
    expect(index.html).toMatch(/<div class="big">\d+\.\d%<\/div>/);
    expect(index.html).toContain('Compliance score = recommendations that pass');
    expect(count(index.html, /<table class="tally">/g)).toBe(2);
    expect(index.html).toContain('Northwind Retail Q4');
    expect(index.html).toContain('111122223333');
  });

  it('lists every recommendation', () => {
    const table = index.html.slice(index.html.indexOf('<table class="recs">'), index.html.indexOf('</table>', index.html.indexOf('<table class="recs">')));
    expect(count(table, /<tr id="rec-/g)).toBe(CATALOG.length);
  });

  it('shows the risk cards with the matrix cell of their rating', () => {
    const start = index.html.indexOf('<article class="card" id="card-2.9"');
    expect(start).toBeGreaterThan(-1);
    const card = index.html.slice(start, index.html.indexOf('</article>', start));
    expect(card).toContain('data-likelihood="3" data-impact="4"');
    expect(card).toContain('critical');
    expect(card).toContain('iam-team');
    expect(card).toContain('NIST SP 800-171 rev 2');
    // The mapping note is said once above the cards, and on each card's own page.
    expect(card).not.toContain('informative tool-vendor mappings');
    expect(index.html.slice(index.html.indexOf('<section id="risk-cards"'), start)).toContain('informative tool-vendor mappings');
    expect(card).toContain('mfa-console-screenshot.txt');
  });

  it('shows the mitigation schedule as a table and a timeline, and flags exceptions that need review', () => {
    const table = index.html.slice(index.html.indexOf('<table class="schedule">'), index.html.indexOf('</table>', index.html.indexOf('<table class="schedule">')));
    expect(count(table, /<tr data-rec=/g)).toBe(scheduleRows);
    expect(index.html).toContain('class="chart timeline"');
    expect(count(index.html, /<g data-rec=/g)).toBe(scheduleRows);
    const register = index.html.slice(index.html.indexOf('<table class="exceptions">'));
    expect(register).toMatch(/expires in 14 days \(within 30\) — needs review/);
    expect(register).toMatch(/expired on 2026-11-23 — needs review/);
    expect(index.html).toContain('<section id="drift">');
  });

  it('prints', () => {
    expect(readFileSync(join(ARTIFACTS, 'index.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('renders a risk card page on its own, offline', async () => {
    const page = await renderOffline(join(dir, 'risk-cards', '2.9.html'), { screenshot: join(ARTIFACTS, 'risk-card-2.9.png') });
    expect(page.requests).toEqual([]);
    expect(page.html).toContain('<article class="card" id="card-2.9"');
    expect(page.html).toContain('href="../index.html');
    expect(page.html).toContain('informative tool-vendor mappings');
  }, 60_000);
});
