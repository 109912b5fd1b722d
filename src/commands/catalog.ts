import type { Command } from 'commander';
import { CATALOG } from '../../checks/catalog.js';
import { mappingsFor, preferredNist } from '../../checks/mappings.js';
import { SECTION_TITLES } from '../../checks/types.js';
import type { ExitCode, Io } from '../cli.js';
import { jsonText } from './common.js';

export function registerCatalog(program: Command, io: Io, _setExit: (code: ExitCode) => void): void {
  program
    .command('catalog')
    .description('list the 63 recommendations of the benchmark')
    .option('--json', 'machine-readable output')
    .action((options: { json?: boolean }) => {
      if (options.json) {
        const recommendations = CATALOG.map((rec) => {
          const m = mappingsFor(rec.id);
          const nist = preferredNist(m);
          return {
            id: rec.id,
            title: rec.title,
            section: rec.section,
            sectionTitle: SECTION_TITLES[rec.section],
            ...(rec.subsection ? { subsection: rec.subsection } : {}),
            level: rec.level,
            assessment: rec.assessment,
            guidance: rec.guidance,
            reads: rec.reads,
            risk: rec.risk,
            mappings: { nist_800_171_r2: nist.nist171, nist_800_53_r5: nist.nist53, defaultSeverity: m.defaultSeverity },
          };
        });
        io.out(jsonText({ benchmark: 'CIS Amazon Web Services Foundations Benchmark v6.0.0', recommendations }));
        return;
      }
      for (const rec of CATALOG) {
        io.out(`${rec.id.padEnd(6)} L${rec.level} ${rec.assessment.padEnd(9)} ${rec.title}\n`);
      }
    });
}
