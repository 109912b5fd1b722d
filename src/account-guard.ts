import { InputError } from './errors.js';
import type { Assessment } from './model.js';

/**
 * Data about one account must not land in another account's assessment by accident. Throws an
 * InputError naming both accounts unless `force`; when forced, returns the warning to print.
 * `what` names the data, e.g. `snapshot prod.json`.
 */
export function checkAccount(assessment: Pick<Assessment, 'id' | 'account'>, dataAccount: string, what: string, force = false): string | undefined {
  if (dataAccount === assessment.account) return undefined;
  const mismatch = `${what} is from AWS account ${dataAccount}, but assessment ${assessment.id} is for account ${assessment.account}`;
  if (!force) throw new InputError(`${mismatch}; refusing to mix accounts (add --force to use it anyway)`);
  return `warning: ${mismatch}; used anyway because of --force`;
}

/** The same check for a file that may name several accounts (a scanner export). */
export function checkAccounts(assessment: Pick<Assessment, 'id' | 'account'>, dataAccounts: readonly string[], what: string, force = false): string[] {
  return dataAccounts.flatMap((account) => checkAccount(assessment, account, what, force) ?? []);
}
