import type { Finding, Recommendation } from '../types.js';

interface FileSystem {
  FileSystemId: string;
  FileSystemArn?: string;
  Name?: string;
  Encrypted?: boolean;
  KmsKeyId?: string;
  LifeCycleState?: string;
}

interface DescribeFileSystemsOutput {
  FileSystems?: FileSystem[];
}

export const efsEncryption: Recommendation = {
  id: '3.3.1',
  section: '3',
  subsection: '3.3',
  title: 'Ensure that encryption is enabled for EFS file systems',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'Shared file systems often collect exports, uploads and application state that nobody classified. Encryption at rest with a KMS key means the stored data and its backups are unreadable without permission to use that key. EFS can only be encrypted when it is created, so an unencrypted file system stays that way until it is replaced.',
    verifyConsole: [
      'Open Amazon EFS → File systems in each region in scope.',
      'The Encrypted column must read Encrypted for every file system.',
    ],
    verifyCli: [
      'For each region: aws efs describe-file-systems --region <region> --query "FileSystems[].[FileSystemId,Encrypted,KmsKeyId]"',
      'Every file system must show Encrypted true.',
    ],
    remediation: [
      'Create a new file system with encryption on (console: the default; CLI: aws efs create-file-system --encrypted [--kms-key-id <key>] --creation-token <token>).',
      'Create mount targets for it, copy the data across (for example with AWS DataSync), and switch clients to the new file system.',
      'Delete the unencrypted file system once the copy is verified.',
    ],
  },
  reads: [{ service: 'efs', operation: 'DescribeFileSystems', scope: 'regional' }],
  risk: { likelihood: 2, impact: 3, mitigation: 'reduction', mitigationWhy: 'Key-based encryption limits who can ever read the stored files, whatever happens to the storage.' },
  evaluate(ctx) {
    return ctx.perRegion((region): Finding[] => {
      const fileSystems = ctx.output<DescribeFileSystemsOutput>('efs', 'DescribeFileSystems', { region }).FileSystems ?? [];
      if (fileSystems.length === 0) return [{ resource: ctx.account, region, status: 'pass', detail: `no EFS file systems in ${region}` }];
      return fileSystems.map((fs): Finding => {
        const resource = fs.FileSystemArn ?? ctx.arn('elasticfilesystem', region, `file-system/${fs.FileSystemId}`);
        const label = fs.Name ? `${fs.FileSystemId} (${fs.Name})` : fs.FileSystemId;
        return fs.Encrypted === true
          ? { resource, region, status: 'pass', detail: `${label} is encrypted at rest${fs.KmsKeyId ? ` with ${fs.KmsKeyId}` : ''}` }
          : { resource, region, status: 'fail', detail: `${label} is not encrypted at rest` };
      });
    });
  },
};
