import { describe, expect, it } from 'vitest';
import { denied, makeSnapshot, run } from '../../test/helpers/snapshot.js';
import { rdsEncryptionAtRest } from './3.2.1-rds-encryption-at-rest.js';
import { dbInstance, describeDbInstances } from './rds.fixtures.js';

describe('3.2.1 RDS encryption at rest', () => {
  it('passes encrypted instances and records regions without any', () => {
    const result = run(rdsEncryptionAtRest, makeSnapshot([describeDbInstances('us-east-1', [dbInstance('orders', 'us-east-1')]), describeDbInstances('eu-west-1', [])]));
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([
      expect.objectContaining({ resource: 'arn:aws:rds:us-east-1:111122223333:db:orders', status: 'pass' }),
      expect.objectContaining({ region: 'eu-west-1', status: 'pass', detail: 'no RDS DB instances in eu-west-1' }),
    ]);
  });

  it('fails an unencrypted instance', () => {
    const result = run(
      rdsEncryptionAtRest,
      makeSnapshot([describeDbInstances('us-east-1', [dbInstance('orders', 'us-east-1'), dbInstance('reporting', 'us-east-1', { StorageEncrypted: false, Engine: 'mysql' })]), describeDbInstances('eu-west-1', [])]),
    );
    expect(result.status).toBe('fail');
    expect(result.findings[1]).toMatchObject({ resource: 'arn:aws:rds:us-east-1:111122223333:db:reporting', status: 'fail', detail: expect.stringContaining('reporting (mysql) storage is not encrypted') });
  });

  it('still fails on proven data when another region was denied, and names the denied call', () => {
    const result = run(
      rdsEncryptionAtRest,
      makeSnapshot([describeDbInstances('us-east-1', [dbInstance('reporting', 'us-east-1', { StorageEncrypted: false })]), denied('rds', 'DescribeDBInstances', { region: 'eu-west-1' })]),
    );
    expect(result.status).toBe('fail');
    expect(result.findings[1]).toMatchObject({ region: 'eu-west-1', status: 'error', detail: expect.stringContaining('rds DescribeDBInstances failed in eu-west-1: AccessDenied') });
  });

  it('is an error when a region was not collected', () => {
    const result = run(rdsEncryptionAtRest, makeSnapshot([describeDbInstances('us-east-1', [dbInstance('orders', 'us-east-1')])]));
    expect(result.status).toBe('error');
    expect(result.findings[1]?.detail).toContain('rds DescribeDBInstances was not collected for eu-west-1');
  });
});
