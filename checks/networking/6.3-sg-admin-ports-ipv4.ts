import type { Recommendation } from '../types.js';
import { ADMIN_PORTS, exposedGroupFindings } from './ec2-data.js';

export const securityGroupAdminPortsIpv4: Recommendation = {
  id: '6.3',
  section: '6',
  title: 'Ensure no security groups allow ingress from 0.0.0.0/0 to remote server administration ports',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'SSH (22) and RDP (3389) open to every IPv4 address are found by internet-wide scanners within minutes and then face endless password guessing and exploits of the login service. Keeping these ports closed to 0.0.0.0/0 means an attacker must first get onto a trusted network or through a managed access path.',
    verifyConsole: [
      'In VPC → Security Groups (each region), open every group and read its Inbound rules.',
      'No rule with source 0.0.0.0/0 may cover port 22 or 3389 over TCP, UDP or All traffic; a range such as 0-65535 or 1024-3389 counts.',
    ],
    verifyCli: [
      'aws ec2 describe-security-groups --region <region>, for every region in scope.',
      'For each IpPermissions entry with IpProtocol -1, tcp or udp: if FromPort ≤ 22 ≤ ToPort or FromPort ≤ 3389 ≤ ToPort (or protocol -1), IpRanges must not contain CidrIp 0.0.0.0/0.',
    ],
    remediation: [
      'First give administrators another way in (Session Manager, a bastion reachable from known ranges, or VPN) so removing the rule locks nobody out.',
      'Then narrow the source to known ranges, or delete the rule: aws ec2 revoke-security-group-ingress --group-id <sg-id> --protocol tcp --port 22 --cidr 0.0.0.0/0 (and likewise for 3389).',
    ],
  },
  reads: [{ service: 'ec2', operation: 'DescribeSecurityGroups', scope: 'regional' }],
  risk: { likelihood: 4, impact: 3, mitigation: 'reduction', mitigationWhy: 'Restricting the source removes constant internet probing of the login services.' },
  evaluate(ctx) {
    return ctx.perRegion((region) => exposedGroupFindings(ctx, region, ADMIN_PORTS, ['ipv4']));
  },
};
