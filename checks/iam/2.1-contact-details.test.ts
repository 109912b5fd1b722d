import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { contactDetails } from './2.1-contact-details.js';

const contact = {
  ContactInformation: {
    AddressLine1: '100 Harbor Way',
    City: 'Seattle',
    CompanyName: 'Northwind Retail',
    CountryCode: 'US',
    FullName: 'Cloud Platform Team',
    PhoneNumber: '+1-206-555-0142',
    PostalCode: '98101',
    StateOrRegion: 'WA',
  },
};

describe('2.1 contact details', () => {
  it('is manual and shows the contact details for the assessor', () => {
    const result = run(contactDetails, makeSnapshot([ok('account', 'GetContactInformation', contact)]));
    expect(result.status).toBe('manual');
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]?.detail).toContain('Cloud Platform Team');
    expect(result.findings[0]?.detail).toContain('+1-206-555-0142');
    expect(result.findings[0]?.detail).toContain('100 Harbor Way, Seattle, WA, 98101, US');
  });

  it('marks fields that are not set', () => {
    const result = run(contactDetails, makeSnapshot([ok('account', 'GetContactInformation', { ContactInformation: { FullName: 'Ann Lee' } })]));
    expect(result.findings[0]?.detail).toContain('phone (not set)');
  });

  it('is an error naming the call when denied or not collected', () => {
    for (const calls of [[denied('account', 'GetContactInformation')], []]) {
      const result = run(contactDetails, makeSnapshot(calls));
      expect(result.status).toBe('error');
      expect(result.findings[0]?.detail).toContain('account GetContactInformation');
    }
  });
});
