import type { CallError } from '../src/snapshot.js';
import type { Finding } from './types.js';

/** Raised when a check's input was not recorded or the call failed; its finding is `error` (`manual` for HeldByOtherAccount). */
export class MissingInput extends Error {
  constructor(
    readonly call: string,
    readonly region: string,
    readonly error?: CallError,
  ) {
    super(error ? `${call} failed in ${region}: ${error.code}${error.message ? ` (${error.message})` : ''}` : `${call} was not collected for ${region}`);
    this.name = 'MissingInput';
  }

  /** The finding that stands in for the verdict this input would have decided: an `error` naming the call. */
  toFinding(): Finding {
    return { resource: this.call, region: this.region, status: 'error', detail: `input missing — ${this.message}` };
  }
}

/**
 * A recorded answer that contradicts AWS's model of it (recorded-output.ts): missing input in
 * effect, since the data cannot be trusted, so whatever weighs missing input weighs it too. Its
 * finding is `error`, naming the call and the member.
 */
export class DamagedInput extends MissingInput {
  constructor(
    call: string,
    region: string,
    /** The member's path in the output, e.g. `output.SecurityGroups[0].IpPermissions`. */
    readonly member: string,
    readonly problem: string,
  ) {
    super(call, region);
    this.name = 'DamagedInput';
    this.message = `${call} in ${region}: ${member}: ${problem}`;
  }

  override toFinding(): Finding {
    return { resource: this.call, region: this.region, status: 'error', detail: `input damaged — ${this.message}` };
  }
}
