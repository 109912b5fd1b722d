/** Inline SVG charts for the report: the 4×4 risk matrix, the schedule timeline, the summary bar. */
import { IMPACT_LABELS, LIKELIHOOD_LABELS, riskLevel, type Rating } from '../src/risk.js';
import { STATE_WORDS } from '../src/states.js';
import { esc, SEVERITY_COLOURS } from './html-kit.js';
import type { ScheduleItem, Tally } from './report.js';

const RATINGS: readonly Rating[] = [1, 2, 3, 4];

function title(label: string): string {
  return `<title>${esc(label)}</title>`;
}

/** Likelihood (rows, probable at the top) × impact (columns); the card's cell is outlined and marked. */
export function riskMatrixSvg(likelihood: Rating, impact: Rating): string {
  const cell = 46;
  const left = 78;
  const top = 8;
  const gridBottom = top + 4 * cell;
  const width = left + 4 * cell + 6;
  const height = gridBottom + 44;
  const score = likelihood * impact;
  const level = riskLevel(likelihood, impact);
  const label = `Risk matrix: likelihood ${LIKELIHOOD_LABELS[likelihood - 1]} (${likelihood}) × impact ${IMPACT_LABELS[impact - 1]} (${impact}) = ${score}, ${level}`;
  const parts: string[] = [];
  for (const l of RATINGS) {
    const y = top + (4 - l) * cell;
    parts.push(`<text x="${left - 6}" y="${y + cell / 2 + 4}" text-anchor="end" font-size="11" fill="#5d6b82">${esc(LIKELIHOOD_LABELS[l - 1]!)}</text>`);
    for (const i of RATINGS) {
      const x = left + (i - 1) * cell;
      const cellLevel = riskLevel(l, i);
      const colours = SEVERITY_COLOURS[cellLevel];
      const chosen = l === likelihood && i === impact;
      parts.push(
        `<rect x="${x + 1}" y="${y + 1}" width="${cell - 2}" height="${cell - 2}" rx="3" fill="${chosen ? colours.solid : colours.bg}" stroke="${chosen ? '#101828' : '#ffffff'}" stroke-width="${chosen ? 3 : 1}"/>`,
        `<text x="${x + cell / 2}" y="${y + cell / 2 + 4}" text-anchor="middle" font-size="${chosen ? 14 : 11}" font-weight="${chosen ? 700 : 400}" fill="${chosen ? '#ffffff' : colours.fg}">${l * i}</text>`,
      );
    }
  }
  for (const i of RATINGS) {
    const x = left + (i - 1) * cell + cell / 2;
    parts.push(`<text x="${x}" y="${gridBottom + 14}" text-anchor="middle" font-size="11" fill="#5d6b82">${esc(IMPACT_LABELS[i - 1]!)}</text>`);
  }
  parts.push(
    `<text x="${left + 2 * cell}" y="${gridBottom + 34}" text-anchor="middle" font-size="11" font-weight="600" fill="#344054">impact →</text>`,
    `<text x="12" y="${top + 2 * cell}" text-anchor="middle" font-size="11" font-weight="600" fill="#344054" transform="rotate(-90 12 ${top + 2 * cell})">likelihood →</text>`,
  );
  return `<svg class="matrix" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(label)}" data-likelihood="${likelihood}" data-impact="${impact}">${title(label)}${parts.join('')}</svg>`;
}

const DAY_MS = 86_400_000;

function dayNumber(isoDay: string): number {
  return Math.round(Date.parse(`${isoDay}T00:00:00Z`) / DAY_MS);
}

function isoFromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * One bar per schedule item from the start of its window to its due date, coloured by severity,
 * exceptions hatched, the as-of day as a dashed line, month ticks along the top.
 */
export function scheduleTimelineSvg(items: readonly ScheduleItem[], asOfDay: string): string {
  const width = 1100;
  const labelWidth = 250;
  const right = 90;
  const row = 24;
  const axis = 34;
  const height = axis + Math.max(1, items.length) * row + 16;
  const days = [dayNumber(asOfDay), ...items.flatMap((i) => [dayNumber(i.startDate), dayNumber(i.dueDate)])];
  const from = Math.min(...days) - 3;
  const to = Math.max(...days) + 3;
  const span = Math.max(1, to - from);
  const x = (d: number): number => labelWidth + ((d - from) / span) * (width - labelWidth - right);
  const parts: string[] = [];
  parts.push(
    '<defs>',
    ...Object.entries(SEVERITY_COLOURS).map(
      ([level, c]) =>
        `<pattern id="hatch-${level}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${c.bg}"/><rect width="3" height="6" fill="${c.solid}"/></pattern>`,
    ),
    '</defs>',
  );
  // Month ticks: the first of every month in range.
  const start = new Date(from * DAY_MS);
  for (let m = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)); m.getTime() / DAY_MS <= to; m.setUTCMonth(m.getUTCMonth() + 1)) {
    const tx = x(Math.round(m.getTime() / DAY_MS));
    const label = m.toLocaleString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
    parts.push(
      `<line x1="${tx.toFixed(1)}" y1="${axis - 6}" x2="${tx.toFixed(1)}" y2="${height - 8}" stroke="#e4e9ef" stroke-width="1"/>`,
      `<text x="${(tx + 3).toFixed(1)}" y="${axis - 12}" font-size="11" fill="#5d6b82">${esc(label)}</text>`,
    );
  }
  items.forEach((item, index) => {
    const y = axis + index * row;
    const c = SEVERITY_COLOURS[item.severity];
    const x0 = x(dayNumber(item.startDate));
    const x1 = Math.max(x0 + 3, x(dayNumber(item.dueDate)));
    const label = `${item.recId} ${item.title}`;
    const shortLabel = label.length > 38 ? `${label.slice(0, 37)}…` : label;
    const tip = `${item.recId}: ${item.kind}, ${item.severity}, ${item.startDate} → due ${item.dueDate}${item.owner ? `, owner ${item.owner}` : ''} (${item.state})`;
    parts.push(
      `<g data-rec="${esc(item.recId)}">${title(tip)}`,
      index % 2 === 0 ? `<rect x="0" y="${y}" width="${width}" height="${row}" fill="#f8fafc"/>` : '',
      `<text x="6" y="${y + 16}" font-size="11.5" fill="#1d2939">${esc(shortLabel)}</text>`,
      `<rect x="${x0.toFixed(1)}" y="${y + 5}" width="${(x1 - x0).toFixed(1)}" height="${row - 10}" rx="3" fill="${item.kind === 'exception' ? `url(#hatch-${item.severity})` : c.solid}" stroke="${item.state === 'overdue' ? '#101828' : c.solid}" stroke-width="${item.state === 'overdue' ? 1.5 : 1}"/>`,
      `<text x="${(x1 + 5).toFixed(1)}" y="${y + 16}" font-size="11" fill="${item.state === 'overdue' ? '#9b1c1c' : '#5d6b82'}">${esc(item.dueDate.slice(5))}${item.state === 'overdue' ? ' overdue' : ''}</text>`,
      '</g>',
    );
  });
  const ax = x(dayNumber(asOfDay));
  parts.push(
    `<line x1="${ax.toFixed(1)}" y1="${axis - 4}" x2="${ax.toFixed(1)}" y2="${height - 6}" stroke="#17324d" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    `<text x="${ax.toFixed(1)}" y="${height - 1}" text-anchor="middle" font-size="10.5" font-weight="600" fill="#17324d">as of ${esc(asOfDay)}</text>`,
  );
  if (items.length === 0) parts.push(`<text x="${labelWidth}" y="${axis + 16}" font-size="12" fill="#5d6b82">Nothing is open.</text>`);
  const label = `Mitigation timeline: ${items.length} open item${items.length === 1 ? '' : 's'} from ${isoFromDayNumber(from + 3)} to ${isoFromDayNumber(to - 3)}`;
  return `<svg class="chart timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}">${title(label)}${parts.join('')}</svg>`;
}

const TALLY_PARTS = [
  ['pass', '#3f9a68', STATE_WORDS.pass],
  ['fail', '#b42318', STATE_WORDS.fail],
  ['exception', '#7a5cc0', STATE_WORDS.exception],
  ['needsReview', '#dc6803', STATE_WORDS.needs_review],
  ['notAssessed', '#9aa9bb', STATE_WORDS.undecided],
  ['notApplicable', '#d5dce4', STATE_WORDS.not_applicable],
] as const;

/** A single stacked bar of the verdicts, each part labelled with its count. */
export function tallyBarSvg(tally: Tally): string {
  const width = 1100;
  const height = 30;
  let offset = 0;
  const parts: string[] = [];
  for (const [key, colour, name] of TALLY_PARTS) {
    const count = tally[key];
    if (count === 0) continue;
    const w = (count / Math.max(1, tally.total)) * width;
    parts.push(
      `<g>${title(`${name}: ${count}`)}<rect x="${offset.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="${height}" fill="${colour}"/>`,
      w > 22 ? `<text x="${(offset + w / 2).toFixed(1)}" y="${height / 2 + 5}" text-anchor="middle" font-size="13" font-weight="700" fill="${key === 'notApplicable' ? '#344054' : '#ffffff'}">${count}</text>` : '',
      '</g>',
    );
    offset += w;
  }
  const label = TALLY_PARTS.map(([key, , name]) => `${name} ${tally[key]}`).join(', ');
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(`Results: ${label}`)}">${title(`Results: ${label}`)}${parts.join('')}</svg>`;
}

/** The legend for `tallyBarSvg`, as HTML. */
export function tallyLegend(): string {
  return `<div class="legend">${TALLY_PARTS.map(([, colour, name]) => `<span class="sw" style="background:${colour}"></span>${esc(name)}`).join('')}</div>`;
}
