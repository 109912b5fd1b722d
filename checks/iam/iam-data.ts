import { MissingInput, type CheckContext } from '../context.js';
import { attempt } from '../requirements.js';
import type { Finding } from '../types.js';
import { credentialReport, reportKeySlots, type CredentialReportRow } from './credential-report.js';

/** IAM output shapes as the AWS CLI prints them (only the members the checks read). */
export interface IamUser {
  UserName: string;
  UserId?: string;
  Arn: string;
  Path?: string;
  CreateDate?: string;
  PasswordLastUsed?: string;
}
export interface ListUsersOutput {
  Users?: IamUser[];
}
export interface AccessKeyMetadata {
  UserName?: string;
  AccessKeyId: string;
  Status: 'Active' | 'Inactive' | string;
  CreateDate?: string;
}
export interface ListAccessKeysOutput {
  AccessKeyMetadata?: AccessKeyMetadata[];
}
export interface ListEntitiesForPolicyOutput {
  PolicyGroups?: { GroupName: string; GroupId?: string }[];
  PolicyUsers?: { UserName: string; UserId?: string }[];
  PolicyRoles?: { RoleName: string; RoleId?: string }[];
}
export interface AccountSummaryOutput {
  SummaryMap?: Record<string, number>;
}

export const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (rounded down). */
export function wholeDays(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

/** `2026-11-20` for a date: short enough for a finding's detail. */
export function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** An error finding for a resource whose input is missing, naming the call(s). */
export function missingFor(resource: string, ...missing: MissingInput[]): Finding {
  return { resource, region: 'global', status: 'error', detail: `input missing — ${missing.map((m) => m.message).join('; ')}` };
}

export function listUsers(ctx: CheckContext): IamUser[] {
  return ctx.output<ListUsersOutput>('iam', 'ListUsers').Users ?? [];
}

/** An IAM user as the per-user checks name it. */
export interface UserRef {
  userName: string;
  arn: string;
}

/**
 * The account's IAM users (root excluded): from ListUsers or, failing that, the credential
 * report, which lists the same users. Throws ListUsers' MissingInput when neither is there.
 */
export function iamUsers(ctx: CheckContext): UserRef[] {
  const listed = attempt(() => listUsers(ctx));
  if (!(listed instanceof MissingInput)) return listed.map((u) => ({ userName: u.UserName, arn: u.Arn }));
  const report = attempt(() => credentialReport(ctx));
  if (report instanceof MissingInput) throw listed;
  return report.users.map((r) => ({ userName: r.user, arn: r.arn }));
}

export function listAccessKeys(ctx: CheckContext, userName: string): AccessKeyMetadata[] {
  return ctx.output<ListAccessKeysOutput>('iam', 'ListAccessKeys', { params: { UserName: userName } }).AccessKeyMetadata ?? [];
}

/** ARN of the account's root user. */
export function rootArn(ctx: CheckContext): string {
  return `arn:${ctx.partition}:iam::${ctx.account}:root`;
}

/** ARN of an AWS managed policy in the snapshot's partition. */
export function awsManagedPolicyArn(ctx: CheckContext, name: string): string {
  return `arn:${ctx.partition}:iam::aws:policy/${name}`;
}

/** The names of the users, groups and roles a managed policy is attached to, as `group X` etc. */
export function entityNames(entities: ListEntitiesForPolicyOutput): string[] {
  return [
    ...(entities.PolicyGroups ?? []).map((g) => `group ${g.GroupName}`),
    ...(entities.PolicyUsers ?? []).map((u) => `user ${u.UserName}`),
    ...(entities.PolicyRoles ?? []).map((r) => `role ${r.RoleName}`),
  ];
}

/** One access key of a user, from ListAccessKeys or, failing that, from the credential report. */
export interface AccessKeyFact {
  /** The key id from ListAccessKeys, or `key 1`/`key 2` (the report's slot) when only the report is there. */
  label: string;
  active: boolean;
  created?: Date;
  /** From the credential report: the last use, `never`, or undefined when the report does not say. */
  lastUsed?: Date | 'never';
}

export interface UserKeys {
  userName: string;
  arn: string;
  /** `ListAccessKeys` or `credential report`: where the key facts came from. */
  source: string;
  keys: AccessKeyFact[];
}

export interface KeyInventory {
  users: UserKeys[];
  /** Users whose keys no source records: each becomes an error finding. */
  missing: { arn: string; error: MissingInput }[];
}

// The report's last-rotated time and ListAccessKeys' CreateDate are the same instant, so a
// key is matched to its report slot (and thus its last use) by creation time.
const SAME_INSTANT_MS = 1_000;

function lastUseFromReport(row: CredentialReportRow | undefined, created: Date | undefined): Date | 'never' | undefined {
  if (!row || !created) return undefined;
  const slot = reportKeySlots(row).find((s) => s.lastRotated && Math.abs(s.lastRotated.getTime() - created.getTime()) < SAME_INSTANT_MS);
  if (!slot) return undefined;
  return slot.lastUsed ?? 'never';
}

/**
 * One user's access keys: from ListAccessKeys {UserName} when recorded, otherwise from the user's
 * credential report row; the MissingInput of ListAccessKeys when neither is there.
 */
export function userAccessKeys(ctx: CheckContext, userName: string, row: CredentialReportRow | undefined): { source: string; keys: AccessKeyFact[] } | MissingInput {
  const keys = attempt(() => listAccessKeys(ctx, userName));
  if (!(keys instanceof MissingInput)) {
    return {
      source: 'ListAccessKeys',
      keys: keys.map((k) => {
        const created = k.CreateDate ? new Date(k.CreateDate) : undefined;
        return { label: k.AccessKeyId, active: k.Status === 'Active', created, lastUsed: lastUseFromReport(row, created) };
      }),
    };
  }
  if (row) {
    return {
      source: 'credential report',
      keys: reportKeySlots(row).map((s) => ({ label: `key ${s.slot}`, active: s.active, created: s.lastRotated, lastUsed: s.lastUsed ?? 'never' })),
    };
  }
  return keys;
}

/**
 * Every IAM user's access keys (root excluded), built once for the checks that share it. Users
 * come from ListUsers or, failing that, the credential report; each user's keys as
 * userAccessKeys finds them. Throws MissingInput when neither source lists the users.
 */
export function accessKeyInventory(ctx: CheckContext): KeyInventory {
  return ctx.memo('iam access key inventory', () => buildKeyInventory(ctx));
}

function buildKeyInventory(ctx: CheckContext): KeyInventory {
  const people = iamUsers(ctx);
  const report = attempt(() => credentialReport(ctx));
  const rows = report instanceof MissingInput ? new Map<string, CredentialReportRow>() : new Map(report.users.map((r) => [r.user, r]));

  const inventory: KeyInventory = { users: [], missing: [] };
  for (const person of people) {
    const found = userAccessKeys(ctx, person.userName, rows.get(person.userName));
    if (found instanceof MissingInput) inventory.missing.push({ arn: person.arn, error: found });
    else inventory.users.push({ ...person, ...found });
  }
  return inventory;
}

/** The one finding of a user-by-user check in an account without IAM users. */
export function noUsersFinding(ctx: CheckContext): Finding[] {
  return [{ resource: ctx.account, region: 'global', status: 'pass', detail: 'the account has no IAM users' }];
}

/**
 * One finding per IAM user from the access-key inventory; a user whose keys no source records
 * becomes an error finding, and an account without users passes.
 */
export function judgeKeyHolders(ctx: CheckContext, judge: (user: UserKeys) => Finding): Finding[] {
  const inventory = accessKeyInventory(ctx);
  const findings = [...inventory.users.map(judge), ...inventory.missing.map((m) => missingFor(m.arn, m.error))];
  return findings.length > 0 ? findings : noUsersFinding(ctx);
}

/** `AKIA…1234 (active, created 2026-01-05)`. */
export function describeKey(key: AccessKeyFact): string {
  const created = key.created ? `, created ${day(key.created)}` : '';
  return `${key.label} (${key.active ? 'active' : 'inactive'}${created})`;
}

export interface ManagedPolicy {
  PolicyName: string;
  Arn: string;
  DefaultVersionId: string;
  AttachmentCount?: number;
}
export interface ListPoliciesOutput {
  Policies?: ManagedPolicy[];
}
export interface GetPolicyVersionOutput {
  PolicyVersion?: { Document?: unknown; VersionId?: string; IsDefaultVersion?: boolean };
}

/** The benchmark lists attached policies of every scope (AWS managed and customer managed). */
export const ATTACHED_POLICIES = { OnlyAttached: true } as const;

export function attachedPolicies(ctx: CheckContext): ManagedPolicy[] {
  return ctx.output<ListPoliciesOutput>('iam', 'ListPolicies', { params: ATTACHED_POLICIES }).Policies ?? [];
}

/** The default version's document of a managed policy; MissingInput when not recorded. */
export function defaultVersionDocument(ctx: CheckContext, policy: ManagedPolicy): unknown {
  const params = { PolicyArn: policy.Arn, VersionId: policy.DefaultVersionId };
  return ctx.output<GetPolicyVersionOutput>('iam', 'GetPolicyVersion', { params }).PolicyVersion?.Document;
}
