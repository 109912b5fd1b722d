import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, run } from '../../test/helpers/snapshot.js';
import { rdsMultiAz } from './3.2.4-rds-multi-az.js';
import { dbInstance, describeDbInstances } from './rds.fixtures.js';

describe('3.2.4 RDS Multi-AZ', () => {
  it('is manual with Multi-AZ evidence, treating Aurora members by their cluster', () => {
    const result = run(
      rdsMultiAz,
      makeSnapshot([
        describeDbInstances('us-east-1', [dbInstance('orders', 'us-east-1'), dbInstance('aurora-1', 'us-east-1', { Engine: 'aurora-postgresql', MultiAZ: false, DBClusterIdentifier: 'orders-aurora' })]),
        describeDbInstances('eu-west-1', []),
      ]),
    );
    expect(result.status).toBe('manual');
    expect(result.findings.map((f) => f.status)).toEqual(['manual', 'manual', 'manual']);
    expect(result.findings[0]?.detail).toContain('is a Multi-AZ deployment');
    expect(result.findings[1]?.detail).toContain('cluster orders-aurora');
  });

  it('leaves a single-AZ instance to the assessor (production databases are theirs to name)', () => {
    const result = run(rdsMultiAz, makeSnapshot([describeDbInstances('us-east-1', [dbInstance('reporting', 'us-east-1', { MultiAZ: false })]), describeDbInstances('eu-west-1', [])]));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toContain('single Availability Zone');
  });

  it('is an error naming the call when it was denied', () => {
    const result = run(rdsMultiAz, makeSnapshot([describeDbInstances('us-east-1', []), denied('rds', 'DescribeDBInstances', { region: 'eu-west-1' })]));
    expect(result.status).toBe('error');
    expect(result.findings[1]?.detail).toContain('rds DescribeDBInstances failed in eu-west-1');
  });
});
