import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, run } from '../../test/helpers/snapshot.js';
import { rdsAutoMinorVersionUpgrade } from './3.2.2-rds-auto-minor-version-upgrade.js';
import { dbInstance, describeDbInstances } from './rds.fixtures.js';

describe('3.2.2 RDS auto minor version upgrade', () => {
  it('passes when every instance upgrades automatically', () => {
    const result = run(rdsAutoMinorVersionUpgrade, makeSnapshot([describeDbInstances('us-east-1', [dbInstance('orders', 'us-east-1')]), describeDbInstances('eu-west-1', [dbInstance('eu', 'eu-west-1')])]));
    expect(result.status).toBe('pass');
    expect(result.findings).toHaveLength(2);
  });

  it('fails an instance with the flag off', () => {
    const result = run(
      rdsAutoMinorVersionUpgrade,
      makeSnapshot([describeDbInstances('us-east-1', [dbInstance('legacy', 'us-east-1', { AutoMinorVersionUpgrade: false })]), describeDbInstances('eu-west-1', [])]),
    );
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('legacy (postgres) has automatic minor version upgrades turned off');
  });

  it('is an error naming the call when it was denied', () => {
    const result = run(rdsAutoMinorVersionUpgrade, makeSnapshot([denied('rds', 'DescribeDBInstances', { region: 'us-east-1' }), describeDbInstances('eu-west-1', [])]));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('rds DescribeDBInstances failed in us-east-1');
  });
});
