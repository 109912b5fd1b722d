/**
 * Validators for the NIST OSCAL 1.2.1 schemas (copied from ../shared/reference/oscal into
 * test/fixtures/oscal), built the way the reference README says: ajv and ajv-formats, defaults.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';

// ajv-formats is CommonJS: under NodeNext the plugin is the default import's `default`.
const addFormats = (formatsModule as unknown as { default: FormatsPlugin }).default;

function compile(file: string): ValidateFunction {
  const ajv = new Ajv();
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(new URL(`../fixtures/oscal/${file}`, import.meta.url), 'utf8')) as object);
}

export const validateAssessmentResults = compile('oscal_assessment-results_schema-1.2.1.json');
export const validatePoam = compile('oscal_poam_schema-1.2.1.json');
