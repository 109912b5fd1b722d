/** Escaping, badges and the shared stylesheet of the pack's HTML pages (no scripts, no external assets). */
import type { RiskLevel } from '../src/risk.js';
export { formatBytes } from '../src/service.js';
import type { Verdict } from './report.js';

export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A fragment id for a recommendation ("rec-2.10" → usable in href="#rec-2.10"). */
export function anchor(kind: 'rec' | 'card', recId: string): string {
  return `${kind}-${recId}`;
}

export const SEVERITY_COLOURS: Record<RiskLevel, { fg: string; bg: string; solid: string }> = {
  critical: { fg: '#8e1b1b', bg: '#fbe3e3', solid: '#b42318' },
  high: { fg: '#9c3d07', bg: '#fdebdc', solid: '#dc6803' },
  medium: { fg: '#7a5a00', bg: '#fcf3d2', solid: '#eaaa08' },
  low: { fg: '#22603f', bg: '#e1f3e8', solid: '#3f9a68' },
};

export function verdictBadge(verdict: Verdict, label: string): string {
  return `<span class="badge v-${verdict}">${esc(label)}</span>`;
}

export function severityBadge(level: RiskLevel): string {
  return `<span class="badge s-${level}">${esc(level)}</span>`;
}

export function formatDate(iso: string | undefined): string {
  if (!iso) return '—';
  return iso.length <= 10 ? iso : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export const STYLESHEET = `
:root { --ink:#1d2939; --muted:#5d6b82; --line:#dde3ea; --soft:#f5f7fa; --brand:#17324d; --accent:#2563a8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.wrap { max-width: 1180px; margin: 0 auto; padding: 0 28px 48px; }
header.top { background: var(--brand); color: #fff; padding: 26px 0 22px; margin-bottom: 8px; }
header.top .wrap { padding-bottom: 0; }
header.top .kicker { text-transform: uppercase; letter-spacing: .08em; font-size: 12px; opacity: .8; margin: 0; }
header.top h1 { margin: 4px 0 2px; font-size: 26px; font-weight: 650; }
header.top p.sub { margin: 0; opacity: .9; }
header.top a { color: #cfe3ff; }
nav.toc { border-bottom: 1px solid var(--line); padding: 10px 0; margin-bottom: 8px; font-size: 13px; }
nav.toc a { margin-right: 16px; white-space: nowrap; }
h2 { font-size: 20px; margin: 34px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--brand); color: var(--brand); }
h3 { font-size: 16px; margin: 22px 0 8px; }
h4 { font-size: 13px; margin: 16px 0 6px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
p { margin: 6px 0 10px; }
.muted { color: var(--muted); }
.small { font-size: 12.5px; }
dl.facts { display: grid; grid-template-columns: 210px 1fr; gap: 6px 18px; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 13px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; color: #344054; border-bottom: 1px solid #c9d2dc; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.group td { background: #eef3f8; font-weight: 600; color: var(--brand); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.v-pass { background: #e3f4ea; color: #1d6b41; border-color: #b9e2c9; }
.v-fail { background: #fbe3e3; color: #9b1c1c; border-color: #f3bcbc; }
.v-exception { background: #eee8fa; color: #553497; border-color: #d5c8f1; }
.v-not_applicable { background: #eef1f4; color: #4b5768; border-color: #d8dee5; }
.v-needs_review { background: #fff0dc; color: #93400b; border-color: #f6cf9f; }
.v-not_assessed { background: #e9eff6; color: #36506e; border-color: #cbd8e6; }
.s-critical { background: #fbe3e3; color: #8e1b1b; border-color: #f0b5b5; }
.s-high { background: #fdebdc; color: #9c3d07; border-color: #f5c7a1; }
.s-medium { background: #fcf3d2; color: #7a5a00; border-color: #efd98a; }
.s-low { background: #e1f3e8; color: #22603f; border-color: #b5dfc5; }
.flag { display: inline-block; padding: 0 6px; border-radius: 4px; font-size: 11.5px; font-weight: 600; background: #fff0dc; color: #93400b; border: 1px solid #f6cf9f; white-space: nowrap; }
.flag.red { background: #fbe3e3; color: #9b1c1c; border-color: #f3bcbc; }
.flag.grey { background: #eef1f4; color: #4b5768; border-color: #d8dee5; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin: 10px 0 16px; }
.stat { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: #fff; }
.stat .n { font-size: 26px; font-weight: 700; line-height: 1.1; }
.stat .l { color: var(--muted); font-size: 12.5px; }
.score { display: flex; gap: 22px; align-items: center; border: 1px solid var(--line); border-radius: 10px; padding: 16px 20px; background: var(--soft); }
.score .big { font-size: 44px; font-weight: 750; color: var(--brand); line-height: 1; }
.score .def { font-size: 12.5px; color: var(--muted); max-width: 720px; }
td .flag { white-space: normal; }
table.affected td:nth-child(2) { white-space: nowrap; }
.nowrap, table.schedule td:first-child, table.exceptions td:nth-child(5) { white-space: nowrap; }
table.recs td:nth-child(5) .small { display: block; }
.levels { display: flex; gap: 10px; flex-wrap: wrap; margin: 4px 0 14px; }
.levels .lv { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 150px; }
.levels .lv b { font-size: 20px; margin-right: 6px; }
.note { border-left: 4px solid #c9d2dc; background: var(--soft); padding: 8px 12px; margin: 10px 0; font-size: 13px; }
.note.warn { border-left-color: #dc6803; background: #fff7ed; }
article.card { border: 1px solid #cfd8e3; border-radius: 10px; margin: 18px 0 26px; overflow: hidden; }
article.card > header { display: flex; justify-content: space-between; gap: 16px; align-items: flex-start; padding: 12px 16px; background: var(--soft); border-bottom: 1px solid var(--line); }
article.card > header h3 { margin: 0; font-size: 16px; }
article.card > header .meta { font-size: 12.5px; color: var(--muted); }
article.card .body { padding: 4px 16px 14px; }
.cardgrid { display: grid; grid-template-columns: 260px 1fr; gap: 20px; align-items: start; margin-top: 10px; }
.equation { font-size: 15px; margin: 4px 0 8px; }
.equation b { font-size: 16px; }
ul.plain { margin: 4px 0; padding-left: 18px; }
ol.steps { margin: 4px 0; padding-left: 20px; }
.chart { width: 100%; height: auto; display: block; margin: 8px 0 4px; }
.legend { font-size: 12px; color: var(--muted); }
.legend span.sw { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin: 0 4px 0 12px; vertical-align: -1px; }
.why { margin-top: 2px; white-space: pre-wrap; overflow-wrap: anywhere; }
.draft { display: inline-block; vertical-align: middle; margin-left: 10px; padding: 2px 10px; border-radius: 4px; font-size: 14px; font-weight: 700; background: #fff0dc; color: #93400b; border: 1px solid #f6cf9f; }
.stat .basis, b.basis { color: #93400b; font-size: 12px; }
.moved { color: #93400b; font-weight: 600; }
.hash code { overflow-wrap: anywhere; font-size: 11.5px; }
ol.history { margin: 4px 0; padding-left: 28px; font-size: 12.5px; }
ol.history li { overflow-wrap: anywhere; }
tr.record td { border-bottom: 1px solid var(--line); padding-top: 0; }
tr.record .part { margin: 0 0 6px; font-size: 12.5px; }
table.heatmap { width: auto; margin: 6px 0 14px; }
table.heatmap td { min-width: 64px; text-align: center; font-size: 14px; }
table.heatmap caption { text-align: left; font-size: 12.5px; color: var(--muted); padding-bottom: 4px; }
table.schedule td:nth-child(8) { min-width: 150px; }
footer.end { margin-top: 40px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
pre.cmd { background: #0f1b2a; color: #e6edf5; padding: 10px 12px; border-radius: 6px; overflow-x: auto; font-size: 12.5px; }
@media screen and (max-width: 820px) { .cards { grid-template-columns: repeat(2, 1fr); } .cardgrid { grid-template-columns: 1fr; } dl.facts { grid-template-columns: 1fr; } }
/* No paper size: the page follows the printer's paper, A4 or Letter. */
@page { margin: 12mm 11mm; }
@media print {
  body { font-size: 10.5px; line-height: 1.4; }
  h2 { margin-top: 0; }
  h4 { margin: 10px 0 4px; break-after: avoid-page; }
  table { font-size: 10px; }
  th, td { padding: 3px 5px; }
  code, .mono { font-size: 9.5px; }
  .small, .hash code, ol.history, tr.record .part { font-size: 9.5px; }
  /* Each risk card starts a page (the first shares the section's); a long one runs on, never leaving a blank page. */
  article.card { break-before: page; margin: 0; border: none; border-radius: 0; overflow: visible; }
  #risk-cards > article.card:first-of-type { break-before: auto; margin-top: 8px; }
  article.card > header { padding: 6px 10px; }
  article.card .body { padding: 0 4px; }
  .cardgrid { grid-template-columns: 200px 1fr; gap: 12px; }
  svg.matrix { width: 200px; height: auto; }
  .equation { font-size: 12px; }
  dl.facts { grid-template-columns: 150px 1fr; gap: 2px 12px; }
  p.links { display: none; }
  footer.end { margin-top: 12px; break-before: avoid-page; }
  article.card td > div.small.muted { display: inline; margin-left: 6px; }
  table.mappings th { width: 120px; }
  /* The card's last part moves whole: a card that runs over leaves a page worth reading, not one line. */
  article.card .tail { break-inside: avoid-page; }
  table.schedule td:nth-child(8) { min-width: 0; }
  .wrap { max-width: none; padding: 0; }
  header.top { background: #fff !important; color: var(--ink); border-bottom: 3px solid var(--brand); padding: 0 0 8px; }
  header.top a { color: var(--ink); }
  nav.toc { display: none; }
  a { color: inherit; }
  h2 { break-after: avoid-page; }
  section.break { break-before: page; }
  tr, .stat, .score { break-inside: avoid; }
  thead { display: table-header-group; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** A complete HTML page around `body`; the CSP forbids every request, even by mistake. */
export function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${STYLESHEET}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
