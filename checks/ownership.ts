/**
 * Principle: other accounts' resources are recognised. A resource the account uses may belong to
 * another account: an organization trail seen from a member account, the log group and bucket it
 * delivers to. The snapshot cannot show their settings, and a call about them made from this
 * account fails or finds nothing — which is not "the resource does not exist". Checks recognise
 * such resources (the account in the ARN is not the snapshot's, or a bucket is not among the
 * account's own) and leave the verdict to the assessor (`manual`), naming what to obtain there.
 */
import { MissingInput, type CheckContext } from './context.js';
import type { Finding } from './types.js';

/** The account id inside an ARN (`arn:partition:service:region:account:resource`), when it has one. */
export function arnAccount(arn: string): string | undefined {
  const account = arn.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}

/** The account owning the ARN when it is not the snapshot's account, otherwise undefined. */
export function otherAccount(ctx: CheckContext, arn: string): string | undefined {
  const account = arnAccount(arn);
  return account !== undefined && account !== ctx.account ? account : undefined;
}

/**
 * Missing input about a resource another account holds. It is a MissingInput, so every place that
 * weighs missing data (requirements.ts, judgeEach, evaluateOne) weighs it too, but its finding is
 * `manual`, saying what the assessor must obtain from that account, rather than `error`.
 */
export class HeldByOtherAccount extends MissingInput {
  constructor(
    call: string,
    /** The resource the data is about (an ARN where it has one). */
    readonly resource: string,
    region: string,
    /** Whose it is and what to obtain from there, as a sentence. */
    readonly obtain: string,
  ) {
    super(call, region);
    this.message = obtain;
    this.name = 'HeldByOtherAccount';
  }

  override toFinding(): Finding {
    return { resource: this.resource, region: this.region, status: 'manual', detail: this.obtain };
  }
}
