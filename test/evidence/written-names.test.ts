/**
 * An attachment's name is the user's, so it may hold a newline, control characters or a
 * right-to-left override. No file of the pack may carry it in a form that breaks a line or passes
 * for another name: SHA256SUMS has one line per file, the report spells such characters out, and
 * the JSON files keep the exact name as data, escaped.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPack } from '../../evidence/export.js';
import { formatSums, parseSums } from '../../evidence/manifest.js';
import { displayName, printableName } from '../../evidence/names.js';
import { verifyPack } from '../../evidence/verify.js';
import { buildDemoAssessment, extractTo, readZipEntries } from './fixture.js';

const ZEROS = '0'.repeat(64);
const SPOOF = `a\n${ZEROS}  index.html`;
const REVERSED = 'invoice\u202Egnp.exe';
const CONTROL = 'bell\u0007\u0085name.txt';

describe('attachment names in the files of a pack', () => {
  it('give exactly one SHA256SUMS line per file, spelled out in the report, escaped but exact in the JSON', async () => {
    const pack = buildDemoAssessment({ attachments: false });
    for (const [i, name] of [SPOOF, REVERSED, CONTROL].entries()) {
      const file = join(pack.dir, name);
      writeFileSync(file, `attachment ${i}\n`);
      pack.service.attach(pack.assessmentId, '2.9', file);
    }
    const zip = join(pack.dir, 'pack.zip');
    await exportPack(pack.service, pack.assessmentId, zip);
    const entries = await readZipEntries(zip);

    const sums = entries.get('SHA256SUMS')!.toString('utf8');
    const parsed = parseSums(sums);
    expect(parsed.problems).toEqual([]);
    expect(parsed.entries.map((e) => e.path).sort()).toEqual([...entries.keys()].filter((n) => n !== 'SHA256SUMS').sort());
    expect(sums).not.toMatch(/^0{64} {2}/m);
    const dir = join(pack.dir, 'extracted');
    extractTo(entries, dir);
    const checked = execFileSync('sha256sum', ['--strict', '-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' }).trimEnd().split('\n');
    expect(checked).toHaveLength(entries.size - 1);
    expect(checked.every((line) => line.endsWith(': OK'))).toBe(true);
    expect(checked.filter((line) => line === 'index.html: OK')).toHaveLength(1);

    // Apart from the attachments' own bytes, no file carries a raw newline-spoof or direction override.
    for (const [name, content] of entries) {
      if (name.startsWith('attachments/')) continue;
      const text = content.toString('utf8');
      expect(text, name).not.toContain(`a\n${ZEROS}`);
      for (const disguising of ['\u202e', '\u0007', '\u0085']) expect(text.includes(disguising), `${name} holds ${printableName(disguising)}`).toBe(false);
    }
    for (const page of ['index.html', 'risk-cards/2.9.html']) {
      const html = entries.get(page)!.toString('utf8');
      expect(html).toContain(`>a\\n${ZEROS}  index.html</a>`);
      expect(html).toContain('>invoice\\u202egnp.exe</a>');
      expect(html).toContain('>bell\\u0007\\u0085name.txt</a>');
    }
    const report = JSON.parse(entries.get('assessment.json')!.toString('utf8')) as { recommendations: { id: string; attachments: { name: string }[] }[] };
    const names = report.recommendations.find((r) => r.id === '2.9')!.attachments.map((a) => a.name);
    expect(names.sort()).toEqual([SPOOF, REVERSED, CONTROL].sort());
    expect(await verifyPack(zip)).toMatchObject({ ok: true });
  });

  it('SHA256SUMS refuses a path that would break its line rather than writing a spoofed one', () => {
    expect(() => formatSums([{ path: SPOOF, sha256: ZEROS, size: 1 }])).toThrow(/refusing to list a\\n0{64} {2}index\.html in SHA256SUMS: control/);
    expect(() => formatSums([{ path: REVERSED, sha256: ZEROS, size: 1 }])).toThrow(/text-direction/);
  });

  it('are shown on one line in their own reading order, in the report and on the terminal', () => {
    expect(displayName(SPOOF)).toBe(`a\\n${ZEROS}  index.html`);
    expect(displayName('C:\\evil\u2066.bat')).toBe('C:\\\\evil\\u2066.bat');
    expect(displayName('Prüfbericht März.pdf')).toBe('Prüfbericht März.pdf');
    expect(printableName(REVERSED)).toBe('invoice\\u202egnp.exe');
  });
});
