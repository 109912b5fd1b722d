import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { securityContact } from './2.2-security-contact.js';

const params = { AlternateContactType: 'SECURITY' };

describe('2.2 security contact', () => {
  it('is manual with the registered contact as evidence', () => {
    const output = { AlternateContact: { AlternateContactType: 'SECURITY', Name: 'Security Operations', Title: 'SOC', EmailAddress: 'soc@example.com', PhoneNumber: '+1-206-555-0100' } };
    const result = run(securityContact, makeSnapshot([ok('account', 'GetAlternateContact', output, { params })]));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toContain('Security Operations (SOC), soc@example.com, +1-206-555-0100');
  });

  it('fails when no security contact is registered', () => {
    const result = run(securityContact, makeSnapshot([denied('account', 'GetAlternateContact', { params, code: 'ResourceNotFoundException' })]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toMatch(/no security alternate contact/);
  });

  it('fails when the contact lacks a way to reach it', () => {
    const output = { AlternateContact: { AlternateContactType: 'SECURITY', Name: 'SecOps', Title: 'SOC', EmailAddress: '', PhoneNumber: '+1-206-555-0100' } };
    const result = run(securityContact, makeSnapshot([ok('account', 'GetAlternateContact', output, { params })]));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('EmailAddress');
  });

  it('is an error naming the call when denied', () => {
    const result = run(securityContact, makeSnapshot([denied('account', 'GetAlternateContact', { params })]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('GetAlternateContact');
    expect(result.findings[0]?.detail).toContain('AccessDenied');
  });

  it('is an error naming the call when not collected', () => {
    const result = run(securityContact, makeSnapshot([]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('account GetAlternateContact {"AlternateContactType":"SECURITY"}');
  });
});
