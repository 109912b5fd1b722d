import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { passwordReuse } from './2.8-password-reuse.js';

const policy = (extra: Record<string, unknown>) =>
  ok('iam', 'GetAccountPasswordPolicy', { PasswordPolicy: { MinimumPasswordLength: 14, RequireSymbols: true, AllowUsersToChangePassword: true, ExpirePasswords: false, ...extra } });

describe('2.8 password reuse prevention', () => {
  it('passes when 24 previous passwords are remembered', () => {
    const result = run(passwordReuse, makeSnapshot([policy({ PasswordReusePrevention: 24 })]));
    expect(result.status).toBe('pass');
    expect(result.findings[0]?.detail).toContain('24');
  });

  it('fails when fewer are remembered or reuse prevention is off', () => {
    expect(run(passwordReuse, makeSnapshot([policy({ PasswordReusePrevention: 5 })])).status).toBe('fail');
    const off = run(passwordReuse, makeSnapshot([policy({})]));
    expect(off.status).toBe('fail');
    expect(off.findings[0]?.detail).toMatch(/does not prevent password reuse/);
  });

  it('fails when the account has no password policy', () => {
    const result = run(passwordReuse, makeSnapshot([denied('iam', 'GetAccountPasswordPolicy', { code: 'NoSuchEntity' })]));
    expect(result.status).toBe('fail');
  });

  it('is an error naming the call when denied or not collected', () => {
    const deniedResult = run(passwordReuse, makeSnapshot([denied('iam', 'GetAccountPasswordPolicy')]));
    expect(deniedResult.status).toBe('error');
    expect(deniedResult.findings[0]?.detail).toContain('GetAccountPasswordPolicy failed: AccessDenied');
    const missing = run(passwordReuse, makeSnapshot([]));
    expect(missing.status).toBe('error');
    expect(missing.findings[0]?.detail).toContain('iam GetAccountPasswordPolicy');
  });
});
