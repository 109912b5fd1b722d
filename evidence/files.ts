/**
 * Renders every file of a pack that is built in memory (all but the attachments and the integrity
 * files), in the fixed order they take in the zip. Pure: the same PackData gives the same bytes.
 */
import { SCORE_DEFINITION, buildPackModel, type PackModel } from './report.js';
import { renderIndexHtml, renderRiskCardHtml, riskCardPath } from './html.js';
import { exceptionsCsv, scheduleCsv, workpaperCsv } from './csv.js';
import { assessmentResults, poam } from './oscal.js';
import { spellOutInJson } from './names.js';
import type { PackSigner } from './verify-commands.js';
import { redactSecretMembers, scrubText, type SecretValue } from './secrets.js';
import type { PackData } from './pack-data.js';
import { InputError } from '../src/errors.js';
import { STATE_WORDS } from '../src/states.js';

export interface PackFile {
  path: string;
  content: Buffer;
}

/** Packs are read by people and diffed by machines: two-space JSON with a final newline. */
function json(value: unknown): string {
  return `${spellOutInJson(JSON.stringify(value, null, 2))}\n`;
}

export const ASSESSMENT_FORMAT = 'assay.assessment-export/v1';

/** assessment.json: everything the report shows, machine-readable. */
export function assessmentJson(model: PackModel): unknown {
  const { data } = model;
  const head = data.history[data.history.length - 1];
  return {
    format: ASSESSMENT_FORMAT,
    tool: data.tool,
    benchmark: model.benchmark,
    asOf: data.asOf,
    asOfBasis: data.asOfBasis,
    assessment: data.assessment,
    ...(data.previous ? { previous: data.previous } : {}),
    summary: { scoreDefinition: SCORE_DEFINITION, ...model.summary },
    recommendations: model.rows.map((row) => ({
      id: row.rec.id,
      title: row.rec.title,
      section: row.rec.section,
      ...(row.rec.subsection ? { subsection: row.rec.subsection } : {}),
      level: row.rec.level,
      assessment: row.rec.assessment,
      automated: row.automated ?? null,
      results: row.results,
      decision: row.decision ?? null,
      overrides: row.decision?.overrides ?? null,
      effectiveStatus: row.effective,
      state: STATE_WORDS[row.effective],
      verdict: row.verdict,
      carried: row.carried,
      ...(row.exceptionState ? { exceptionState: row.exceptionState } : {}),
      attachments: row.attachments.map((a) => ({ path: a.entry, ...a.record })),
      history: row.history,
      dueMoves: row.dueMoves,
    })),
    decisions: data.decisions,
    // A card's history is already under its recommendation above.
    riskCards: model.riskCards.map(({ history: _sameAsRow, ...card }) => ({ ...card, attachments: card.attachments.map((a) => a.entry) })),
    schedule: model.schedule,
    exceptions: model.exceptions,
    ...(model.drift ? { drift: model.drift } : {}),
    history: { file: 'history.jsonl', events: data.history.length, head: head?.hash ?? null },
    ...(data.snapshot ? { snapshot: { file: 'snapshot.json', originalSha256: data.snapshotOriginalSha256 ?? null } } : {}),
    keptSecrets: data.keptSecrets ?? [],
  };
}

/** The in-memory files in zip order; credential values are scrubbed from every one. `signer`: see renderIndexHtml. */
export function renderPackFiles(data: PackData, secrets: readonly SecretValue[] = [], signer?: PackSigner): { model: PackModel; files: PackFile[] } {
  const model = buildPackModel(data);
  const text: [string, string][] = [
    ['index.html', renderIndexHtml(model, signer)],
    ['assessment.json', json(assessmentJson(model))],
    ...model.riskCards.map((card): [string, string] => [riskCardPath(card.recId), renderRiskCardHtml(card, model)]),
    ['schedule.csv', scheduleCsv(model.schedule)],
    ['exceptions.csv', exceptionsCsv(model.exceptions)],
    ['workpaper.csv', workpaperCsv(model.workpaper)],
    ['history.jsonl', data.history.map((event) => `${spellOutInJson(JSON.stringify(event))}\n`).join('')],
    ...(data.snapshot ? [['snapshot.json', json(redactSecretMembers(data.snapshot))] as [string, string]] : []),
    ['oscal/assessment-results.json', json(assessmentResults(model))],
    ['oscal/poam.json', json(poam(model))],
  ];
  const files = text.map(([path, content]) => {
    const scrubbed = scrubText(content, secrets);
    // Editing the history would break its hash chain: a credential there stops the export instead.
    if (path === 'history.jsonl' && scrubbed !== content) {
      const found = secrets.find((s) => content.includes(s.value))!;
      throw new InputError(`the decision history holds the value of the environment variable ${found.variable} (a credential); Assay will not put it in a pack`);
    }
    return { path, content: Buffer.from(scrubbed, 'utf8') };
  });
  return { model, files };
}
