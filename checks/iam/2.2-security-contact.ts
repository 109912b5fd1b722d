import type { Recommendation } from '../types.js';

interface GetAlternateContactOutput {
  AlternateContact?: {
    AlternateContactType?: string;
    Name?: string;
    Title?: string;
    EmailAddress?: string;
    PhoneNumber?: string;
  };
}

export const securityContact: Recommendation = {
  id: '2.2',
  section: '2',
  title: 'Ensure security contact information is registered',
  level: 1,
  assessment: 'manual',
  guidance: {
    protects:
      'AWS sends security notices (exposed keys, abuse reports, urgent advisories) to the security alternate contact when one is set. Without it those notices go only to the account owner address, which is often a finance or former-employee mailbox. A registered security contact gets the warning to people who can act on it.',
    verifyConsole: [
      'Open the account page (account name menu → Account) and scroll to Alternate contacts.',
      'Check that the Security contact has a name, email and phone number, and that the email is a team mailbox that is read.',
    ],
    verifyCli: [
      'aws account get-alternate-contact --alternate-contact-type SECURITY',
      'A ResourceNotFoundException means no security contact is registered; otherwise check Name, EmailAddress and PhoneNumber.',
    ],
    remediation: [
      'In the console, under Alternate contacts, edit Security and enter the team name, a monitored email list and a phone number.',
      'Or run aws account put-alternate-contact --alternate-contact-type SECURITY --name NAME --title TITLE --email-address EMAIL --phone-number PHONE.',
    ],
  },
  reads: [{ service: 'account', operation: 'GetAlternateContact', scope: 'global', params: { AlternateContactType: 'SECURITY' } }],
  risk: {
    likelihood: 2,
    impact: 2,
    mitigation: 'reduction',
    mitigationWhy: 'Registering a monitored security contact shortens the time before someone acts on an AWS security notice.',
  },
  evaluate(ctx) {
    const result = ctx.outcome<GetAlternateContactOutput>('account', 'GetAlternateContact', { params: { AlternateContactType: 'SECURITY' } });
    if (!result.ok) {
      if (result.error.code === 'ResourceNotFoundException') {
        return [{ resource: ctx.account, region: 'global', status: 'fail', detail: 'no security alternate contact is registered' }];
      }
      return [{ resource: ctx.account, region: 'global', status: 'error', detail: `account GetAlternateContact {"AlternateContactType":"SECURITY"} failed: ${result.error.code}` }];
    }
    const contact = result.output.AlternateContact ?? {};
    const missing = (['Name', 'EmailAddress', 'PhoneNumber'] as const).filter((k) => !contact[k] || contact[k].trim() === '');
    if (missing.length > 0) {
      return [{ resource: ctx.account, region: 'global', status: 'fail', detail: `the security contact lacks ${missing.join(', ')}` }];
    }
    return [
      {
        resource: ctx.account,
        region: 'global',
        status: 'manual',
        detail: `security contact: ${contact.Name}${contact.Title ? ` (${contact.Title})` : ''}, ${contact.EmailAddress}, ${contact.PhoneNumber} — confirm the mailbox and phone are monitored by the security team`,
      },
    ];
  },
};
