import type { Recommendation } from '../types.js';
import { ADMIN_PORTS, exposedGroupFindings } from './ec2-data.js';

export const securityGroupAdminPortsIpv6: Recommendation = {
  id: '6.4',
  section: '6',
  title: 'Ensure no security groups allow ingress from ::/0 to remote server administration ports',
  level: 1,
  assessment: 'automated',
  guidance: {
    protects:
      'An IPv6 rule from ::/0 exposes SSH (22) and RDP (3389) just as widely as 0.0.0.0/0 does over IPv4, and it is easy to miss because teams often review only the IPv4 column. Closing these ports to all IPv6 addresses keeps the login services off the public internet on both protocols.',
    verifyConsole: [
      'In VPC → Security Groups (each region), open every group and read its Inbound rules.',
      'No rule with source ::/0 may cover port 22 or 3389; All traffic and wide port ranges count.',
    ],
    verifyCli: [
      'aws ec2 describe-security-groups --region <region>, for every region in scope.',
      'For each IpPermissions entry with IpProtocol -1, tcp or udp that covers 22 or 3389, Ipv6Ranges must not contain CidrIpv6 ::/0.',
    ],
    remediation: [
      'Make sure administrators have another way in before removing the rule.',
      'Narrow the IPv6 source or delete the rule: aws ec2 revoke-security-group-ingress --group-id <sg-id> --ip-permissions IpProtocol=tcp,FromPort=3389,ToPort=3389,Ipv6Ranges=[{CidrIpv6=::/0}] (likewise for 22).',
    ],
  },
  reads: [{ service: 'ec2', operation: 'DescribeSecurityGroups', scope: 'regional' }],
  risk: { likelihood: 3, impact: 4, mitigation: 'reduction', mitigationWhy: 'Restricting the IPv6 source removes the exposure without changing how the servers are run.' },
  evaluate(ctx) {
    return ctx.perRegion((region) => exposedGroupFindings(ctx, region, ADMIN_PORTS, ['ipv6']));
  },
};
