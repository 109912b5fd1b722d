import { describe, expect, it } from 'vitest';
import { MAPPINGS } from '../../checks/mappings.js';
import { CIS_REQUIREMENT_CONTROLS, SECURITY_HUB_SUPPLEMENT } from '../../src/import/mapping-data.js';
import { cisIdsForProwlerCheck, cisIdsForSecurityHubControl, controlsForCisRequirement, PROWLER_CHECK_TO_CIS } from '../../src/import/mappings.js';

describe('Prowler check ids', () => {
  it('cover every Prowler check named in the framework mappings', () => {
    for (const m of MAPPINGS) {
      for (const check of m.prowlerChecks) expect(cisIdsForProwlerCheck(check), check).toContain(m.id);
    }
    expect(PROWLER_CHECK_TO_CIS.size).toBeGreaterThan(60);
  });

  it('keep both recommendations of a shared check, in benchmark order', () => {
    expect(cisIdsForProwlerCheck('ec2_securitygroup_allow_ingress_from_internet_to_all_ports')).toEqual(['6.3', '6.4']);
    expect(cisIdsForProwlerCheck('not_a_check')).toEqual([]);
  });
});

describe('Security Hub controls', () => {
  it('map the controls of the reference data and the supplement', () => {
    expect(cisIdsForSecurityHubControl('S3.8')).toEqual(['3.1.4']);
    expect(cisIdsForSecurityHubControl('CloudTrail.7')).toEqual(['4.4']);
    expect(cisIdsForSecurityHubControl('GuardDuty.1')).toEqual([]);
  });

  it('supplement only recommendations that exist', () => {
    const ids = new Set(MAPPINGS.map((m) => m.id));
    for (const cisIds of Object.values(SECURITY_HUB_SUPPLEMENT)) for (const id of cisIds) expect(ids.has(id), id).toBe(true);
  });

  // v6.0.0 keeps v5.0.0's recommendations one section further on (v5 2.1.4 → v6 3.1.4), so
  // every v5.0.0 requirement AWS lists must land on its v6 counterpart: a check on the table.
  it('land every CIS v5.0.0 requirement on its v6.0.0 counterpart', () => {
    for (const [requirement, controls] of Object.entries(CIS_REQUIREMENT_CONTROLS['5.0.0'])) {
      const [section, ...rest] = requirement.split('.');
      const v6 = [Number(section) + 1, ...rest].join('.');
      for (const control of controls) expect(cisIdsForSecurityHubControl(control), `v5 ${requirement} ${control}`).toContain(v6);
    }
  });

  it('read older standards through their requirement ids', () => {
    expect(controlsForCisRequirement('1.2.0', '1.20')).toEqual(['IAM.18']);
    expect(controlsForCisRequirement('1.4.0', '3.7')).toEqual(['CloudTrail.2']);
    expect(controlsForCisRequirement('3.0.0', '5.4')).toEqual(['EC2.2']);
    expect(controlsForCisRequirement('2.0.0', '1.1')).toEqual([]);
  });
});
