/** IAM policy documents as the checks see them: decoded JSON, statements normalised to lists. */

import { actionGlobMatch } from './wildcard.js';

export interface PolicyStatement {
  Sid?: string;
  Effect?: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, unknown>;
}

export interface PolicyDocument {
  Version?: string;
  Statement?: PolicyStatement | PolicyStatement[];
}

/** The document is neither a JSON object nor a URL-encoded JSON string. */
export class PolicyDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyDocumentError';
  }
}

/** A policy held as text: JSON, or the API's URL-encoded JSON. Throws when it is neither. */
export function decodePolicyText(text: string): unknown {
  const trimmed = text.trim();
  return JSON.parse(trimmed.startsWith('{') ? trimmed : decodeURIComponent(trimmed));
}

/**
 * Accepts the CLI's decoded object, a JSON string, or the API's URL-encoded JSON string
 * (snapshots written by other tools keep that form).
 */
export function parsePolicyDocument(document: unknown): PolicyDocument {
  let value = document;
  if (typeof value === 'string') {
    try {
      value = decodePolicyText(value);
    } catch {
      throw new PolicyDocumentError('the policy document is neither JSON nor URL-encoded JSON');
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new PolicyDocumentError('the policy document is not a JSON object');
  const statement = (value as PolicyDocument).Statement;
  if (statement !== undefined && (typeof statement !== 'object' || statement === null)) {
    throw new PolicyDocumentError('the policy document has a Statement that is neither an object nor a list');
  }
  return value as PolicyDocument;
}

export function statementsOf(document: PolicyDocument): PolicyStatement[] {
  const s = document.Statement;
  if (!s) return [];
  return Array.isArray(s) ? s : [s];
}

/** A string-or-list member as a list. */
export function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Allow of every action on every resource. Under IAM's wildcard matching `*:*` matches every
 * `service:action`, so it counts like `*`.
 */
export function grantsFullAdmin(statement: PolicyStatement): boolean {
  return (
    statement.Effect === 'Allow' &&
    asList(statement.Action).some((a) => a === '*' || a === '*:*') &&
    asList(statement.Resource).includes('*')
  );
}

/** IAM action matching: case-insensitive, `*` any run of characters, `?` one character. */
export function actionMatches(pattern: string, action: string): boolean {
  return actionGlobMatch(pattern, action);
}

/** Whether an Allow statement grants `action` (through Action, or by leaving it out of NotAction). */
export function allowsAction(statement: PolicyStatement, action: string): boolean {
  if (statement.Effect !== 'Allow') return false;
  if (statement.Action !== undefined) return asList(statement.Action).some((p) => actionMatches(p, action));
  if (statement.NotAction !== undefined) return !asList(statement.NotAction).some((p) => actionMatches(p, action));
  return false;
}

/** `"Sid" x` or `statement 2` for a finding's detail. */
export function statementName(statement: PolicyStatement, index: number): string {
  return statement.Sid ? `statement "${statement.Sid}"` : `statement ${index + 1}`;
}
