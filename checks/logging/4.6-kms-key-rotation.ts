import { judgeEach, type CheckContext } from '../context.js';
import type { Finding, Recommendation } from '../types.js';

interface ListedKey {
  KeyId: string;
  KeyArn?: string;
}

interface ListKeysOutput {
  Keys?: ListedKey[];
}

interface KeyMetadata {
  KeyId: string;
  Arn?: string;
  KeyManager?: 'AWS' | 'CUSTOMER';
  KeySpec?: string;
  CustomerMasterKeySpec?: string;
  KeyState?: string;
  Origin?: string;
  Description?: string;
}

interface DescribeKeyOutput {
  KeyMetadata?: KeyMetadata;
}

interface KeyRotationStatusOutput {
  KeyRotationEnabled?: boolean;
  RotationPeriodInDays?: number;
  NextRotationDate?: string;
}

const PENDING_DELETION = new Set(['PendingDeletion', 'PendingReplicaDeletion']);

/** Why a key is outside the recommendation, or undefined when its rotation must be checked. */
function skipReason(meta: KeyMetadata): string | undefined {
  if (meta.KeyManager !== 'CUSTOMER') return 'AWS managed';
  if ((meta.KeySpec ?? meta.CustomerMasterKeySpec) !== 'SYMMETRIC_DEFAULT') return 'not symmetric';
  if (meta.KeyState && PENDING_DELETION.has(meta.KeyState)) return 'pending deletion';
  return undefined;
}

interface ListAliasesOutput {
  Aliases?: { AliasName?: string; AliasArn?: string; TargetKeyId?: string }[];
}

/**
 * The identifiers a key's calls may be recorded under: its id and ARN for both calls, and for
 * DescribeKey also its aliases (name and ARN), when the snapshot lists them (kms ListAliases).
 */
function keyIdentifiers(ctx: CheckContext, region: string, key: ListedKey): { arn: string; rotation: string[]; describe: string[] } {
  const arn = key.KeyArn ?? ctx.arn('kms', region, `key/${key.KeyId}`);
  const rotation = [key.KeyId, arn];
  const aliases = (ctx.optional<ListAliasesOutput>('kms', 'ListAliases', { region })?.Aliases ?? [])
    .filter((a) => a.TargetKeyId === key.KeyId)
    .flatMap((a) => [a.AliasName, a.AliasArn].filter((id): id is string => id !== undefined));
  return { arn, rotation, describe: [...rotation, ...aliases] };
}

function judgeKey(ctx: CheckContext, region: string, key: ListedKey, skipped: Map<string, number>): Finding[] {
  const keyId = key.KeyId;
  const ids = keyIdentifiers(ctx, region, key);
  const meta = ctx.output<DescribeKeyOutput>('kms', 'DescribeKey', { region, about: { member: 'KeyId', ids: ids.describe } }).KeyMetadata;
  const resource = meta?.Arn ?? ids.arn;
  if (!meta) return [{ resource, region, status: 'error', detail: `kms DescribeKey for ${keyId} returned no KeyMetadata` }];
  const reason = skipReason(meta);
  if (reason) {
    skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
    return [];
  }
  const label = meta.Description ? `key ${keyId} ("${meta.Description}")` : `key ${keyId}`;
  // Keys with imported material or in a custom key store cannot rotate automatically.
  if (meta.Origin && meta.Origin !== 'AWS_KMS') {
    return [{ resource, region, status: 'manual', detail: `${label} has origin ${meta.Origin}, where automatic rotation is not available; show it is rotated by hand` }];
  }
  const rotation = ctx.output<KeyRotationStatusOutput>('kms', 'GetKeyRotationStatus', { region, about: { member: 'KeyId', ids: ids.rotation } });
  if (rotation.KeyRotationEnabled === true) {
    const period = rotation.RotationPeriodInDays ? ` every ${rotation.RotationPeriodInDays} days` : '';
    return [{ resource, region, status: 'pass', detail: `${label} rotates automatically${period}${rotation.NextRotationDate ? `, next on ${rotation.NextRotationDate}` : ''}` }];
  }
  return [{ resource, region, status: 'fail', detail: `${label} is a customer managed symmetric key without automatic rotation` }];
}

export const kmsKeyRotation: Recommendation = {
  id: '4.6',
  section: '4',
  title: 'Ensure rotation for customer-created symmetric CMKs is enabled',
  level: 2,
  assessment: 'automated',
  guidance: {
    protects:
      'The longer one piece of key material encrypts data, the more data a single leak of it exposes. With automatic rotation, KMS creates new key material on a schedule (yearly by default) and keeps the old material only to decrypt what it already protects. Applications keep using the same key id, so rotation costs nothing in code changes.',
    verifyConsole: [
      'Open KMS → Customer managed keys in each region in scope.',
      'For every key whose key spec is SYMMETRIC_DEFAULT (and not pending deletion), open the Key rotation tab: automatic rotation must be enabled.',
    ],
    verifyCli: [
      'For each region: aws kms list-keys --region <region>',
      'For each key: aws kms describe-key --key-id <key-id>; skip keys with KeyManager AWS, a KeySpec other than SYMMETRIC_DEFAULT, or KeyState PendingDeletion.',
      'For the rest: aws kms get-key-rotation-status --key-id <key-id> must show "KeyRotationEnabled": true.',
    ],
    remediation: [
      'Console: open the key, Key rotation tab, tick automatic rotation and save.',
      'CLI: aws kms enable-key-rotation --key-id <key-id> (optionally --rotation-period-in-days <90–2560>).',
      'For keys with imported material, schedule and record manual rotation instead.',
    ],
  },
  reads: [
    { service: 'kms', operation: 'ListKeys', scope: 'regional' },
    { service: 'kms', operation: 'DescribeKey', scope: 'regional', per: 'KeyId' },
    { service: 'kms', operation: 'GetKeyRotationStatus', scope: 'regional', per: 'KeyId' },
  ],
  risk: { likelihood: 2, impact: 4, mitigation: 'reduction', mitigationWhy: 'Regular new key material limits how much data any one exposure of it can unlock.' },
  evaluate(ctx) {
    return ctx.perRegion((region): Finding[] => {
      const keys = ctx.output<ListKeysOutput>('kms', 'ListKeys', { region }).Keys ?? [];
      const skipped = new Map<string, number>();
      const findings = judgeEach(keys, (key) => judgeKey(ctx, region, key, skipped), (key) => key.KeyArn ?? ctx.arn('kms', region, `key/${key.KeyId}`));
      if (findings.length > 0) return findings;
      const ignored = [...skipped].map(([reason, n]) => `${n} ${reason}`).join(', ');
      return [{ resource: ctx.account, region, status: 'pass', detail: `no customer managed symmetric keys in ${region}${ignored ? ` (skipped: ${ignored})` : ''}` }];
    });
  },
};
