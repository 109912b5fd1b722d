import { describe, expect, it } from 'vitest';
import { denied, run } from '../../test/helpers/snapshot.js';
import { chainSnapshot, LOG_GROUP } from '../../test/helpers/monitoring-chain.js';
import { iamPolicyChangesMonitored as REC } from './5.4-iam-policy-changes.js';

const PATTERN = '{ ($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachGroupPolicy) }';

describe('5.4 IAM policy changes', () => {
  it('is manual, with the chain as evidence, when the log group has the benchmark filter', () => {
    const result = run(REC, chainSnapshot(PATTERN));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toContain("metric filter 'cis-filter' (the prescribed pattern)");
    expect(result.findings[0]?.detail).toContain('1 confirmed subscription');
  });

  it('accepts the same filter written differently', () => {
    const variant = '{($.eventName=DetachGroupPolicy) || ($.eventName=AttachGroupPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachRolePolicy) || ($.eventName=DeletePolicyVersion) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteGroupPolicy)}';
    expect(run(REC, chainSnapshot(variant)).status).toBe('manual');
  });

  it('fails when the filter misses part of the pattern', () => {
    const result = run(REC, chainSnapshot('{ ($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || ($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || ($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || ($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || ($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || ($.eventName=AttachGroupPolicy) }'));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('DetachGroupPolicy');
  });

  it('is an error naming the call when the metric filters could not be read', () => {
    const result = run(REC, chainSnapshot(PATTERN, { replace: { DescribeMetricFilters: denied('logs', 'DescribeMetricFilters', { params: { LogGroupName: LOG_GROUP } }) } }));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('logs DescribeMetricFilters');
    expect(result.findings[0]?.detail).toContain('AccessDenied');
  });
});
