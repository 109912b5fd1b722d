import type { Recommendation } from '../types.js';
import { exposedGroupFindings } from './ec2-data.js';

const CIFS_PORT = 445;

export const cifsRestricted: Recommendation = {
  id: '6.1.2',
  section: '6',
  subsection: '6.1',
  title: 'Ensure CIFS access is restricted to trusted networks to prevent unauthorized access',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'SMB/CIFS on port 445 is one of the most attacked services on the internet: worms such as WannaCry spread through it, and exposed shares leak files or accept stolen credentials. A security group that admits port 445 from anywhere, over IPv4 or IPv6, puts every file server behind it in reach of that traffic.',
    verifyConsole: [
      'In EC2 → Security Groups, for each region, open every group and read its Inbound rules.',
      'No rule whose port range includes 445 (or whose protocol is All) may have the source 0.0.0.0/0 or ::/0.',
    ],
    verifyCli: [
      'aws ec2 describe-security-groups --region <region>, for every region in scope.',
      'In each group\'s IpPermissions, look for IpProtocol -1, or tcp/udp with FromPort ≤ 445 ≤ ToPort, carrying CidrIp 0.0.0.0/0 or CidrIpv6 ::/0.',
    ],
    remediation: [
      'Replace the open source with the address ranges that really need file access, or reach the share over VPN / Direct Connect instead.',
      'aws ec2 revoke-security-group-ingress --group-id <sg-id> --protocol tcp --port 445 --cidr 0.0.0.0/0 (use --ip-permissions with Ipv6Ranges for ::/0), then authorize the trusted range.',
    ],
  },
  reads: [{ service: 'ec2', operation: 'DescribeSecurityGroups', scope: 'regional' }],
  risk: { likelihood: 3, impact: 4, mitigation: 'reduction', mitigationWhy: 'Narrowing the rule to trusted ranges removes the internet exposure while keeping the share usable.' },
  evaluate(ctx) {
    return ctx.perRegion((region) => exposedGroupFindings(ctx, region, [CIFS_PORT], ['ipv4', 'ipv6']));
  },
};
