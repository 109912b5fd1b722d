import { describe, expect, it } from 'vitest';
import { denied, run } from '../../test/helpers/snapshot.js';
import { chainSnapshot, LOG_GROUP } from '../../test/helpers/monitoring-chain.js';
import { routeTableChangesMonitored as REC } from './5.13-route-table-changes.js';

const PATTERN = '{ ($.eventSource = ec2.amazonaws.com) && ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }';

describe('5.13 route table changes', () => {
  it('is manual, with the chain as evidence, when the log group has the benchmark filter', () => {
    const result = run(REC, chainSnapshot(PATTERN));
    expect(result.status).toBe('manual');
    expect(result.findings[0]?.detail).toContain("metric filter 'cis-filter' (the prescribed pattern)");
    expect(result.findings[0]?.detail).toContain('1 confirmed subscription');
  });

  it('accepts the same filter written differently', () => {
    const variant = '{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }';
    expect(run(REC, chainSnapshot(variant)).status).toBe('manual');
  });

  it('fails when the filter misses part of the pattern', () => {
    const result = run(REC, chainSnapshot('{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute)) }'));
    expect(result.status).toBe('fail');
    expect(result.findings[0]?.detail).toContain('DisassociateRouteTable');
  });

  it('accepts the form that applies eventSource to every route event', () => {
    const sourceOnAll = '{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }';
    expect(run(REC, chainSnapshot(sourceOnAll)).status).toBe('manual');
  });

  it('is an error naming the call when the metric filters could not be read', () => {
    const result = run(REC, chainSnapshot(PATTERN, { replace: { DescribeMetricFilters: denied('logs', 'DescribeMetricFilters', { params: { LogGroupName: LOG_GROUP } }) } }));
    expect(result.status).toBe('error');
    expect(result.findings[0]?.detail).toContain('logs DescribeMetricFilters');
    expect(result.findings[0]?.detail).toContain('AccessDenied');
  });
});
