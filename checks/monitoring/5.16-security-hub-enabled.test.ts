import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, ok, run } from '../../test/helpers/snapshot.js';
import { securityHubEnabled } from './5.16-security-hub-enabled.js';

const hub = (region: string) =>
  ok(
    'securityhub',
    'DescribeHub',
    { HubArn: `arn:aws:securityhub:${region}:111122223333:hub/default`, SubscribedAt: '2025-03-04T10:15:00.000Z', AutoEnableControls: true, ControlFindingGenerator: 'SECURITY_CONTROL' },
    { region },
  );
const notSubscribed = (region: string) => denied('securityhub', 'DescribeHub', { region, code: 'InvalidAccessException' });

describe('5.16 Security Hub enabled', () => {
  it('passes when every region in scope has a hub', () => {
    const result = run(securityHubEnabled, makeSnapshot([hub('us-east-1'), hub('eu-west-1')]));
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([
      { resource: 'arn:aws:securityhub:us-east-1:111122223333:hub/default', region: 'us-east-1', status: 'pass', detail: 'Security Hub is enabled in us-east-1 since 2025-03-04T10:15:00.000Z' },
      { resource: 'arn:aws:securityhub:eu-west-1:111122223333:hub/default', region: 'eu-west-1', status: 'pass', detail: 'Security Hub is enabled in eu-west-1 since 2025-03-04T10:15:00.000Z' },
    ]);
  });

  it('fails for the region where the account is not subscribed', () => {
    const result = run(securityHubEnabled, makeSnapshot([hub('us-east-1'), notSubscribed('eu-west-1')]));
    expect(result.status).toBe('fail');
    expect(result.findings[1]).toEqual({
      resource: 'arn:aws:securityhub:eu-west-1:111122223333:hub/default',
      region: 'eu-west-1',
      status: 'fail',
      detail: 'Security Hub is not enabled in eu-west-1 (DescribeHub: InvalidAccessException)',
    });
  });

  it('is an error naming the call when it was denied, and still shows another region’s failure', () => {
    const deniedOnly = run(securityHubEnabled, makeSnapshot([hub('us-east-1'), denied('securityhub', 'DescribeHub', { region: 'eu-west-1', code: 'AccessDeniedException' })]));
    expect(deniedOnly.status).toBe('error');
    expect(deniedOnly.findings[1]?.detail).toBe('securityhub DescribeHub failed in eu-west-1: AccessDeniedException');
    const mixed = run(securityHubEnabled, makeSnapshot([notSubscribed('us-east-1')]));
    expect(mixed.status).toBe('fail');
    expect(mixed.findings[1]).toMatchObject({ status: 'error', detail: expect.stringContaining('securityhub DescribeHub was not collected for eu-west-1') });
  });
});
