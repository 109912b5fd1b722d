import type { Recommendation } from '../types.js';
import { ebsDefaultEncryption } from './6.1.1-ebs-default-encryption.js';
import { cifsRestricted } from './6.1.2-cifs-restricted.js';
import { naclAdminPorts } from './6.2-nacl-admin-ports.js';
import { securityGroupAdminPortsIpv4 } from './6.3-sg-admin-ports-ipv4.js';
import { securityGroupAdminPortsIpv6 } from './6.4-sg-admin-ports-ipv6.js';
import { defaultSecurityGroupRestrictsAll } from './6.5-default-sg-restricts-all.js';
import { peeringRoutesLeastAccess } from './6.6-peering-least-access.js';
import { imdsv2Required } from './6.7-imdsv2.js';

export const NETWORKING: Recommendation[] = [
  ebsDefaultEncryption,
  cifsRestricted,
  naclAdminPorts,
  securityGroupAdminPortsIpv4,
  securityGroupAdminPortsIpv6,
  defaultSecurityGroupRestrictsAll,
  peeringRoutesLeastAccess,
  imdsv2Required,
];
