import type { Recommendation } from '../types.js';

interface GetContactInformationOutput {
  ContactInformation?: {
    FullName?: string;
    CompanyName?: string;
    PhoneNumber?: string;
    AddressLine1?: string;
    City?: string;
    StateOrRegion?: string;
    PostalCode?: string;
    CountryCode?: string;
    WebsiteUrl?: string;
  };
}

export const contactDetails: Recommendation = {
  id: '2.1',
  section: '2',
  title: 'Maintain current contact details',
  level: 1,
  assessment: 'manual',
  guidance: {
    protects:
      'When AWS sees abuse or signs of a compromise in the account it reaches out to the registered contacts, and if nobody answers it may throttle or cut the account off. Contacts that lead to one person (who may be on leave or gone) turn a quick call into an outage. A shared mailbox and a phone line that rings for a team keep that channel open.',
    verifyConsole: [
      'Sign in with a principal allowed to read account settings and open the account page (account name menu → Account).',
      'Read the contact information: the name, phone number and address must be current.',
      'Confirm that the phone number reaches a team (hunt group, on-call line) and that the account email is a distribution list rather than one person.',
    ],
    verifyCli: [
      'aws account get-contact-information',
      'Check FullName, CompanyName, PhoneNumber and the address. The account (root) email is not part of this output: read it in the console or, from the management account, with aws account get-primary-email --account-id ID.',
    ],
    remediation: [
      'In the console account page, edit the contact information so that the phone number and email reach a group that is staffed.',
      'Or run aws account put-contact-information --contact-information with the whole structure (FullName, PhoneNumber, AddressLine1, City, PostalCode, CountryCode, …): the call replaces every field.',
      'Review the contacts whenever the team changes, and at least once a year.',
    ],
  },
  reads: [{ service: 'account', operation: 'GetContactInformation', scope: 'global' }],
  risk: {
    likelihood: 2,
    impact: 2,
    mitigation: 'reduction',
    mitigationWhy: 'Pointing the contacts at a staffed group makes a missed AWS warning much less likely.',
  },
  evaluate(ctx) {
    const info = ctx.output<GetContactInformationOutput>('account', 'GetContactInformation').ContactInformation ?? {};
    const shown = (value: string | undefined) => (value && value.trim() !== '' ? value : '(not set)');
    const address = [info.AddressLine1, info.City, info.StateOrRegion, info.PostalCode, info.CountryCode].filter((v) => v && v.trim() !== '').join(', ');
    return [
      {
        resource: ctx.account,
        region: 'global',
        status: 'manual',
        detail:
          `contact: ${shown(info.FullName)}, company ${shown(info.CompanyName)}, phone ${shown(info.PhoneNumber)}, address ${address || '(not set)'}` +
          ' — confirm these are current and reach more than one person (the account email is checked in the console)',
      },
    ];
  },
};
