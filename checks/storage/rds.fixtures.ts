import { ok } from '../../test/helpers/snapshot.js';

/** A DescribeDBInstances entry in the CLI's shape, for the 3.2.x tests. */
export function dbInstance(id: string, region: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    DBInstanceIdentifier: id,
    DBInstanceClass: 'db.t4g.medium',
    Engine: 'postgres',
    DBInstanceStatus: 'available',
    DBInstanceArn: `arn:aws:rds:${region}:111122223333:db:${id}`,
    StorageEncrypted: true,
    KmsKeyId: `arn:aws:kms:${region}:111122223333:key/0f9e8d7c-1111-4a2b-9c3d-aaaaaaaaaaaa`,
    AutoMinorVersionUpgrade: true,
    PubliclyAccessible: false,
    MultiAZ: true,
    DBSubnetGroup: {
      DBSubnetGroupName: 'private-db',
      VpcId: 'vpc-0a1b2c3d4e5f60001',
      SubnetGroupStatus: 'Complete',
      Subnets: [{ SubnetIdentifier: 'subnet-0aa1', SubnetAvailabilityZone: { Name: `${region}a` }, SubnetStatus: 'Active' }],
    },
    ...overrides,
  };
}

export const describeDbInstances = (region: string, instances: Record<string, unknown>[]) => ok('rds', 'DescribeDBInstances', { DBInstances: instances }, { region });
