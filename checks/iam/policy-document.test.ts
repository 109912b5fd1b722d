import { describe, expect, it } from 'vitest';
import { actionMatches, allowsAction, asList, grantsFullAdmin, parsePolicyDocument, PolicyDocumentError, statementName, statementsOf } from './policy-document.js';

const admin = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };

describe('parsePolicyDocument', () => {
  it('accepts the decoded object the CLI prints', () => {
    expect(parsePolicyDocument(admin)).toEqual(admin);
  });

  it('accepts a JSON string and the URL-encoded string the API returns', () => {
    expect(parsePolicyDocument(JSON.stringify(admin))).toEqual(admin);
    expect(parsePolicyDocument(encodeURIComponent(JSON.stringify(admin)))).toEqual(admin);
  });

  it('rejects what is not a policy document', () => {
    expect(() => parsePolicyDocument('%7Bnot json')).toThrow(PolicyDocumentError);
    expect(() => parsePolicyDocument(undefined)).toThrow(/not a JSON object/);
    expect(() => parsePolicyDocument(['x'])).toThrow(/not a JSON object/);
    expect(() => parsePolicyDocument({ Statement: 'Allow' })).toThrow(/Statement/);
  });

  it('gives a single statement object as a list', () => {
    const single = { Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' } };
    expect(statementsOf(parsePolicyDocument(single))).toHaveLength(1);
    expect(statementsOf({})).toEqual([]);
  });
});

describe('grantsFullAdmin', () => {
  it('finds Allow "*" on "*" in string and list forms', () => {
    expect(grantsFullAdmin({ Effect: 'Allow', Action: '*', Resource: '*' })).toBe(true);
    expect(grantsFullAdmin({ Effect: 'Allow', Action: ['s3:GetObject', '*'], Resource: ['arn:aws:s3:::x', '*'] })).toBe(true);
    expect(grantsFullAdmin({ Effect: 'Allow', Action: '*:*', Resource: '*' })).toBe(true);
  });

  it('ignores Deny, scoped actions and scoped resources', () => {
    expect(grantsFullAdmin({ Effect: 'Deny', Action: '*', Resource: '*' })).toBe(false);
    expect(grantsFullAdmin({ Effect: 'Allow', Action: 's3:*', Resource: '*' })).toBe(false);
    expect(grantsFullAdmin({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::bucket/*' })).toBe(false);
    expect(grantsFullAdmin({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })).toBe(false);
  });
});

describe('action matching', () => {
  it('matches IAM wildcards case-insensitively', () => {
    expect(actionMatches('cloudshell:*', 'cloudshell:GetFileDownloadUrls')).toBe(true);
    expect(actionMatches('CloudShell:Get*', 'cloudshell:GetFileUploadUrls')).toBe(true);
    expect(actionMatches('cloudshell:?etFileUploadUrls', 'cloudshell:GetFileUploadUrls')).toBe(true);
    expect(actionMatches('cloud*', 'cloudtrail:LookupEvents')).toBe(true);
    expect(actionMatches('s3:Get*', 'cloudshell:GetFileUploadUrls')).toBe(false);
    expect(actionMatches('s3.Get', 's3xGet')).toBe(false);
  });

  it('reads Action and NotAction of Allow statements only', () => {
    expect(allowsAction({ Effect: 'Allow', Action: ['cloudshell:*'] }, 'cloudshell:CreateSession')).toBe(true);
    expect(allowsAction({ Effect: 'Allow', NotAction: ['iam:*'] }, 'cloudshell:CreateSession')).toBe(true);
    expect(allowsAction({ Effect: 'Allow', NotAction: 'cloudshell:*' }, 'cloudshell:CreateSession')).toBe(false);
    expect(allowsAction({ Effect: 'Deny', Action: '*' }, 'cloudshell:CreateSession')).toBe(false);
    expect(allowsAction({ Effect: 'Allow' }, 'cloudshell:CreateSession')).toBe(false);
  });
});

describe('helpers', () => {
  it('lists string-or-list members and names statements', () => {
    expect(asList(undefined)).toEqual([]);
    expect(asList('a')).toEqual(['a']);
    expect(statementName({ Sid: 'Admin' }, 0)).toBe('statement "Admin"');
    expect(statementName({}, 2)).toBe('statement 3');
  });
});
