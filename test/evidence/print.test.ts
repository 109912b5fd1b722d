/**
 * The report printed by headless Chromium on A4 and on Letter, read back with poppler's pdfinfo and
 * pdftotext: no blank or near-empty page, each risk card on a page of its own, table headers
 * repeated on every page a table runs over, and the schedule's columns wide enough to read.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportPack } from '../../evidence/export.js';
import { PAPER, renderOffline } from './chromium.js';
import { buildDemoAssessment, extractTo, readZipEntries } from './fixture.js';

/** Text lines of a printed page that hold anything. */
const MIN_LINES_PER_PAGE = 10;

interface Printed {
  pages: string[][];
  pageCount: number;
}

function readPdf(pdf: string): Printed {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pageCount = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  // pdftotext ends every page with a form feed, so the last piece is empty.
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, pageCount)
    .map((page) => page.split('\n').map((line) => line.trim()).filter((line) => line !== ''));
  return { pages, pageCount };
}

describe.each(Object.keys(PAPER) as (keyof typeof PAPER)[])('the report printed on %s', (paper) => {
  let printed: Printed;
  let cards: { recId: string; title: string }[];
  beforeAll(async () => {
    const pack = buildDemoAssessment();
    const zip = join(pack.dir, 'pack.zip');
    await exportPack(pack.service, pack.assessmentId, zip);
    const entries = await readZipEntries(zip);
    cards = (JSON.parse(entries.get('assessment.json')!.toString('utf8')) as { riskCards: { recId: string; title: string }[] }).riskCards;
    const dir = join(pack.dir, 'extracted');
    extractTo(entries, dir);
    const artifacts = join(import.meta.dirname, '..', '..', 'test-artifacts', 'evidence');
    mkdirSync(artifacts, { recursive: true });
    const pdf = join(artifacts, `index-${paper}.pdf`);
    await renderOffline(join(dir, 'index.html'), { pdf, paper });
    printed = readPdf(pdf);
  }, 90_000);

  it('has no blank or near-empty page, and about one page per risk card', () => {
    expect(printed.pages).toHaveLength(printed.pageCount);
    // The last page holds what is left over; every other page carries a page's worth.
    printed.pages.forEach((lines, i) =>
      expect(lines.length, `page ${i + 1}: ${lines.join(' / ')}`).toBeGreaterThanOrEqual(i === printed.pageCount - 1 ? 3 : MIN_LINES_PER_PAGE),
    );
    expect(printed.pageCount).toBeGreaterThanOrEqual(cards.length);
    // The summary, the recommendations, the schedule and the rest take a dozen pages or so.
    expect(printed.pageCount).toBeLessThanOrEqual(cards.length + 16);
  });

  it('starts each risk card on a new page, the first right under the section heading', () => {
    const firstLines = printed.pages.map((lines) => lines[0]!);
    const sectionPage = firstLines.indexOf('Risk cards');
    expect(sectionPage).toBeGreaterThan(-1);
    expect(printed.pages[sectionPage]!.some((line) => line.startsWith(`${cards[0]!.recId} — `))).toBe(true);
    for (const card of cards.slice(1)) {
      expect(firstLines.some((line) => line.startsWith(`${card.recId} — ${card.title.split(' ').slice(0, 3).join(' ')}`)), `card ${card.recId}`).toBe(true);
    }
  });

  it('repeats the header of a table on every page it runs over, and prints window rules on one line', () => {
    const pagesWith = (pattern: RegExp): number[] => printed.pages.flatMap((lines, i) => (lines.some((l) => pattern.test(l)) ? [i] : []));
    // Recommendation rows ("2.10  Do not create …") stand between the section heading and the risk cards.
    const recsStart = printed.pages.findIndex((lines) => lines.includes('Recommendations'));
    const cardsStart = printed.pages.findIndex((lines) => lines[0] === 'Risk cards');
    expect(cardsStart - recsStart).toBeGreaterThan(1);
    for (let i = recsStart + 1; i < cardsStart; i++) expect(printed.pages[i]!.some((l) => /^ID\s+Title\s+Level\s+Type\s+Automated\s+Decision\s+In this pack$/.test(l)), `page ${i + 1}`).toBe(true);
    const schedulePages = pagesWith(/^\d{4}-\d{2}-\d{2}\s+\d+\.\d+/);
    expect(schedulePages.length).toBeGreaterThan(0);
    for (const i of schedulePages) expect(printed.pages[i]!.some((l) => /^Due\s+ID\s+Recommendation\s+Kind/.test(l)), `page ${i + 1}`).toBe(true);
    const ruleLines = printed.pages.flat().filter((l) => /^\d{4}-\d{2}-\d{2}\s+\d+\.\d+\s/.test(l) && /\bfailure\b/.test(l));
    expect(ruleLines.length).toBeGreaterThan(0);
    for (const line of ruleLines) expect(line).toMatch(/(critical|high|medium|low): within \d (weeks|months)/);
  });
});
