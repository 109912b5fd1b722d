import { judgeEach, type CheckContext } from '../context.js';
import type { Finding } from '../types.js';

/** The members of an `aws rds describe-db-instances` entry that the storage checks read. */
export interface DbInstance {
  DBInstanceIdentifier: string;
  DBInstanceArn?: string;
  Engine?: string;
  DBInstanceStatus?: string;
  DBClusterIdentifier?: string;
  StorageEncrypted?: boolean;
  KmsKeyId?: string;
  AutoMinorVersionUpgrade?: boolean;
  PubliclyAccessible?: boolean;
  MultiAZ?: boolean;
  DBSubnetGroup?: {
    DBSubnetGroupName?: string;
    VpcId?: string;
    Subnets?: { SubnetIdentifier: string; SubnetAvailabilityZone?: { Name?: string } }[];
  };
}

interface DescribeDbInstancesOutput {
  DBInstances?: DbInstance[];
}

/** The region's DB instances; throws MissingInput when rds DescribeDBInstances is missing or denied there. */
export function dbInstances(ctx: CheckContext, region: string): DbInstance[] {
  return ctx.output<DescribeDbInstancesOutput>('rds', 'DescribeDBInstances', { region }).DBInstances ?? [];
}

export function dbInstanceArn(ctx: CheckContext, region: string, db: DbInstance): string {
  return db.DBInstanceArn ?? ctx.arn('rds', region, `db:${db.DBInstanceIdentifier}`);
}

/** A short label for details: identifier and engine. */
export function dbLabel(db: DbInstance): string {
  return `${db.DBInstanceIdentifier}${db.Engine ? ` (${db.Engine})` : ''}`;
}

/**
 * Runs `judge` for every DB instance of every region in scope; a region without instances gives
 * one passing finding so that the result records that the region was looked at. An instance
 * whose further input is missing becomes an error finding about that instance.
 */
export function judgeDbInstances(ctx: CheckContext, judge: (db: DbInstance, region: string, arn: string) => Finding, emptyStatus: Finding['status'] = 'pass'): Finding[] {
  return ctx.perRegion((region) => {
    const instances = dbInstances(ctx, region);
    if (instances.length === 0) return [{ resource: ctx.account, region, status: emptyStatus, detail: `no RDS DB instances in ${region}` }];
    const arn = (db: DbInstance) => dbInstanceArn(ctx, region, db);
    return judgeEach(instances, (db) => [judge(db, region, arn(db))], arn);
  });
}
