import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { rootHardwareMfa } from './2.5-root-hardware-mfa.js';

const summary = (mfa: number, password: number) => ok('iam', 'GetAccountSummary', { SummaryMap: { AccountMFAEnabled: mfa, AccountPasswordPresent: password, AccountAccessKeysPresent: 0 } });
const userDevice = {
  SerialNumber: 'arn:aws:iam::111122223333:mfa/dana-phone',
  User: { UserName: 'dana', UserId: 'AIDAEXAMPLEDANA00001', Arn: 'arn:aws:iam::111122223333:user/dana', CreateDate: '2024-02-01T10:00:00+00:00' },
  EnableDate: '2024-02-01T10:05:00+00:00',
};
const devices = (...list: unknown[]) => ok('iam', 'ListVirtualMFADevices', { VirtualMFADevices: list });

describe('2.5 root hardware MFA', () => {
  it('is manual when root has MFA and no virtual device is root\'s', () => {
    const result = run(rootHardwareMfa, makeSnapshot([summary(1, 1), devices(userDevice)]));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toMatch(/no virtual MFA device is assigned to root/);
  });

  it('fails when root\'s MFA is the virtual root-account-mfa-device', () => {
    const rootDevice = { SerialNumber: 'arn:aws:iam::111122223333:mfa/root-account-mfa-device', User: { Arn: 'arn:aws:iam::111122223333:root', UserId: '111122223333' }, EnableDate: '2023-01-01T00:00:00+00:00' };
    const result = run(rootHardwareMfa, makeSnapshot([summary(1, 1), devices(userDevice, rootDevice)]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('root-account-mfa-device');
  });

  it('fails when a virtual device with another name is assigned to root', () => {
    const named = { SerialNumber: 'arn:aws:iam::111122223333:mfa/root-backup', User: { Arn: 'arn:aws:iam::111122223333:root' } };
    expect(run(rootHardwareMfa, makeSnapshot([summary(1, 1), devices(named)])).status).toBe('fail');
  });

  it('fails when root has a password and no MFA at all', () => {
    const result = run(rootHardwareMfa, makeSnapshot([summary(0, 1), devices()]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toMatch(/no MFA device at all/);
  });

  it('is manual evidence, not a failure, for a root user without credentials', () => {
    const result = run(rootHardwareMfa, makeSnapshot([summary(0, 0)]));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toMatch(/no password.*no MFA device is possible or needed/);
  });

  it('is an error naming ListVirtualMFADevices when root has MFA but the devices are unknown', () => {
    const result = run(rootHardwareMfa, makeSnapshot([summary(1, 1), denied('iam', 'ListVirtualMFADevices')]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('iam ListVirtualMFADevices');
  });

  it('is an error when the account summary and the report are missing', () => {
    const result = run(rootHardwareMfa, makeSnapshot([devices()]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('iam GetAccountSummary');
  });
});
