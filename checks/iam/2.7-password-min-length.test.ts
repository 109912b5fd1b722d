import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { passwordMinLength } from './2.7-password-min-length.js';

describe('2.7 password minimum length', () => {
  it('passes at 14 characters', () => {
    const result = run(passwordMinLength, makeSnapshot([ok('iam', 'GetAccountPasswordPolicy', { PasswordPolicy: { MinimumPasswordLength: 14 } })]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]?.detail).toContain('14');
  });

  it('fails at 12 characters', () => {
    const result = run(passwordMinLength, makeSnapshot([ok('iam', 'GetAccountPasswordPolicy', { PasswordPolicy: { MinimumPasswordLength: 12 } })]));
    expect(result.status).toBe('fail');
  });

  it('fails when the account has no password policy', () => {
    const result = run(passwordMinLength, makeSnapshot([denied('iam', 'GetAccountPasswordPolicy', { code: 'NoSuchEntity' })]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toMatch(/no account password policy/);
  });

  it('is an error naming the call when the call was denied', () => {
    const result = run(passwordMinLength, makeSnapshot([denied('iam', 'GetAccountPasswordPolicy')]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('GetAccountPasswordPolicy');
  });

  it('is an error naming the call when the call was not collected', () => {
    const result = run(passwordMinLength, makeSnapshot([]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('iam GetAccountPasswordPolicy');
  });
});
