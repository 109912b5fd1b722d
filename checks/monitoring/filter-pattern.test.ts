import { describe, expect, it } from 'vitest';
import {
  canonicalize,
  coverage,
  equalsCondition,
  FilterPatternError,
  NotJsonPatternError,
  parseFilterPattern,
  toTerms,
} from './filter-pattern.js';

const UNAUTHORIZED =
  '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }';
const ROOT = '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }';
const KMS = '{ ($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)|| ($.eventName=ScheduleKeyDeletion)) }';
const ROUTES_AUDIT =
  '{ ($.eventSource = ec2.amazonaws.com) && ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }';

const samePattern = (a: string, b: string) => canonicalize(parseFilterPattern(a)) === canonicalize(parseFilterPattern(b));
const covers = (filter: string, required: string, assumed = []) => coverage(parseFilterPattern(filter), parseFilterPattern(required), assumed);

describe('parseFilterPattern', () => {
  it('gives && precedence over ||, as CloudWatch Logs documents', () => {
    expect(parseFilterPattern('{ $.a = 1 || $.b = 2 && $.c = 3 }')).toEqual({
      type: 'or',
      operands: [
        { type: 'atom', atom: { type: 'compare', selector: '$.a', op: '=', value: { kind: 'number', value: 1 } } },
        {
          type: 'and',
          operands: [
            { type: 'atom', atom: { type: 'compare', selector: '$.b', op: '=', value: { kind: 'number', value: 2 } } },
            { type: 'atom', atom: { type: 'compare', selector: '$.c', op: '=', value: { kind: 'number', value: 3 } } },
          ],
        },
      ],
    });
  });

  it('reads NOT EXISTS, EXISTS and IS TRUE / FALSE / NULL', () => {
    expect(canonicalize(parseFilterPattern(ROOT))).toBe(
      '($.eventType != "AwsServiceEvent" && $.userIdentity.invokedBy NOT EXISTS && $.userIdentity.type = "Root")',
    );
    expect(canonicalize(parseFilterPattern('{ $.flag IS TRUE || $.other is false || $.gone IS NULL || $.here EXISTS }'))).toBe(
      '($.flag IS TRUE || $.gone IS NULL || $.here EXISTS || $.other IS FALSE)',
    );
  });

  it('reads numeric comparisons, array selectors and escaped quotes', () => {
    expect(canonicalize(parseFilterPattern('{ $.latency >= 500 && $.items[0].size < 1e3 && $.code != -4.50 }'))).toBe(
      '($.code != -4.5 && $.items[0].size < 1000 && $.latency >= 500)',
    );
    expect(canonicalize(parseFilterPattern('{ $.msg = "say \\"hi\\"" }'))).toBe('$.msg = "say \\"hi\\""');
  });

  it('treats a leading or trailing * as a wildcard, in quoted and bare values alike', () => {
    const [term] = toTerms(parseFilterPattern('{ $.ip != 123.123.* && $.code = "*Denied" }'));
    expect(term).toContainEqual({ type: 'compare', selector: '$.ip', op: '!=', value: { kind: 'string', text: '123.123.', leadingWildcard: false, trailingWildcard: true } });
    expect(term).toContainEqual({ type: 'compare', selector: '$.code', op: '=', value: { kind: 'string', text: 'Denied', leadingWildcard: true, trailingWildcard: false } });
  });

  it.each([
    ['{ ($.eventName = CreateTrail) ', /expected "&&", "\|\|" or "}"/],
    ['{ ($.eventName = CreateTrail }', /expected "\)" to close "\("/],
    ['{ $.eventName = "CreateTrail }', /unterminated quoted string/],
    ['{ $.eventName CreateTrail }', /expected a comparison operator after \$\.eventName/],
    ['{ $.eventName = }', /expected a value after =/],
    ['{ eventName = CreateTrail }', /expected a condition starting with a selector/],
    ['{ }', /the pattern has no condition/],
    ['{ $.a = 1 } extra', /text after the closing "}"/],
    ['{ $.a = 1 && && $.b = 2 }', /expected a condition/],
    ['{ $ = 1 }', /a selector needs a property/],
    ['{ $.a NOT THERE }', /expected EXISTS after NOT/],
    ['{ $.a IS MAYBE }', /expected NULL, TRUE or FALSE after IS/],
    // The benchmark's 5.9 text has this typo; CloudWatch Logs would refuse the pattern too.
    ['{ ($.eventName>DeleteDeliveryChannel) }', /compares numbers, but "DeleteDeliveryChannel" is not a number/],
  ])('rejects the malformed pattern %s', (pattern, message) => {
    expect(() => parseFilterPattern(pattern)).toThrow(FilterPatternError);
    expect(() => parseFilterPattern(pattern)).toThrow(message);
  });

  it('says where the problem is', () => {
    expect(() => parseFilterPattern('{ $.a = 1 || }')).toThrow(/at character 14/);
  });

  it('tells text and space-delimited patterns apart from JSON ones', () => {
    expect(() => parseFilterPattern('ERROR -Exiting')).toThrow(NotJsonPatternError);
    expect(() => parseFilterPattern('[ip, user, status_code = 4*]')).toThrow(/not a JSON filter pattern/);
    expect(() => parseFilterPattern('   ')).toThrow(/matches every log event/);
  });
});

describe('canonical form', () => {
  it('ignores spacing, quoting, clause order, redundant parentheses and duplicates', () => {
    const reordered =
      '{($.eventName!=HeadBucket)&&($.sourceIPAddress!="delivery.logs.amazonaws.com")&&$.errorCode="AccessDenied*"||$.errorCode="*UnauthorizedOperation"||($.errorCode = "*UnauthorizedOperation")}';
    expect(samePattern(reordered, UNAUTHORIZED)).toBe(true);
    expect(samePattern('{ (($.eventName=ScheduleKeyDeletion) || $.eventName = "DisableKey") && $.eventSource = "kms.amazonaws.com" }', KMS)).toBe(true);
  });

  it('keeps apart patterns that differ in meaning', () => {
    const regrouped =
      '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }';
    expect(samePattern(regrouped, UNAUTHORIZED)).toBe(false);
    expect(samePattern('{ $.a = 1 }', '{ $.a = "1" }')).toBe(false);
    expect(samePattern('{ $.a = "x*" }', '{ $.a = "x" }')).toBe(false);
  });
});

describe('coverage', () => {
  it('accepts the prescribed pattern and its re-spaced, reordered forms', () => {
    expect(covers(UNAUTHORIZED, UNAUTHORIZED)).toEqual({ covered: true, missing: [], broader: false });
    expect(covers('{ $.eventType != AwsServiceEvent && $.userIdentity.invokedBy NOT EXISTS && $.userIdentity.type = Root }', ROOT).covered).toBe(true);
  });

  it('accepts a filter with extra OR alternatives and says it is broader', () => {
    const extra = KMS.replace('(($.eventName=DisableKey)', '(($.eventName=DisableKey) || ($.eventName=DeleteAlias)');
    expect(covers(extra, KMS)).toEqual({ covered: true, missing: [], broader: true });
  });

  it('accepts a filter without the exclusions (it fires on more), as broader', () => {
    const older = '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }';
    expect(covers(older, UNAUTHORIZED)).toMatchObject({ covered: true, broader: true });
  });

  it('rejects a filter missing one clause and names the missed case', () => {
    const missing = '{ ($.eventSource = kms.amazonaws.com) && ($.eventName = DisableKey) }';
    expect(covers(missing, KMS)).toEqual({ covered: false, missing: ['$.eventName = "ScheduleKeyDeletion" && $.eventSource = "kms.amazonaws.com"'], broader: false });
  });

  it('rejects a regrouping that loses events under && before || precedence', () => {
    const regrouped =
      '{ (($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*")) && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }';
    expect(covers(regrouped, UNAUTHORIZED)).toEqual({ covered: false, missing: ['$.errorCode = "*UnauthorizedOperation"'], broader: false });
  });

  it('rejects a filter with an extra AND condition (it fires on fewer events)', () => {
    expect(covers('{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" && $.awsRegion = "us-east-1" }', ROOT).covered).toBe(
      false,
    );
  });

  it('does not count a catch-all filter', () => {
    expect(covers('{ $.eventName = * }', KMS).covered).toBe(false);
    expect(covers('{ $.eventName EXISTS }', KMS).covered).toBe(false);
    // Only exclusions: it fires on nearly every API call in the account.
    expect(covers('{ $.sourceIPAddress != "delivery.logs.amazonaws.com" && $.eventName != "HeadBucket" }', UNAUTHORIZED).covered).toBe(false);
  });

  it('understands wildcards, exclusions and numbers', () => {
    expect(covers('{ $.errorCode = "Access*" }', '{ $.errorCode = "AccessDenied*" }')).toMatchObject({ covered: true, broader: true });
    expect(covers('{ $.errorCode = "AccessDeniedException" }', '{ $.errorCode = "AccessDenied*" }').covered).toBe(false);
    expect(covers('{ $.eventName != "HeadObject" && $.eventSource = s3 }', '{ $.eventName = "PutObject" && $.eventSource = s3 }').covered).toBe(true);
    expect(covers('{ $.eventName != "Put*" && $.eventSource = s3 }', '{ $.eventName = "PutObject" && $.eventSource = s3 }').covered).toBe(false);
    expect(covers('{ $.latency > 100 }', '{ $.latency >= 500 }')).toMatchObject({ covered: true, broader: true });
    expect(covers('{ $.latency > 500 }', '{ $.latency >= 500 }').covered).toBe(false);
    expect(covers('{ $.status != 200 && $.api = orders }', '{ $.status = 500 && $.api = orders }').covered).toBe(true);
    expect(covers('{ $.key EXISTS && $.eventName = Put }', '{ $.key = "x" && $.eventName = Put }').covered).toBe(true);
  });

  it('lets every event carry the recommendation’s eventSource when told to', () => {
    const ec2 = [equalsCondition('$.eventSource', 'ec2.amazonaws.com')];
    const remediationForm =
      '{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }';
    const sourceOnAll =
      '{ ($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) }';
    expect(coverage(parseFilterPattern(remediationForm), parseFilterPattern(ROUTES_AUDIT), ec2)).toEqual({ covered: true, missing: [], broader: false });
    expect(coverage(parseFilterPattern(sourceOnAll), parseFilterPattern(ROUTES_AUDIT), ec2)).toEqual({ covered: true, missing: [], broader: false });
    // Without that knowledge the literal audit pattern also matches CreateRouteTable from any source.
    expect(covers(sourceOnAll, ROUTES_AUDIT).missing).toContain('$.eventName = "CreateRouteTable"');
    const wrongSource = sourceOnAll.replace('ec2.amazonaws.com', 'apigateway.amazonaws.com');
    expect(coverage(parseFilterPattern(wrongSource), parseFilterPattern(ROUTES_AUDIT), ec2).covered).toBe(false);
  });

  it('reports a pattern too large to compare as a pattern error', () => {
    const clause = (i: number) => `($.a${i} = 1 || $.b${i} = 2)`;
    const huge = `{ ${Array.from({ length: 13 }, (_, i) => clause(i)).join(' && ')} }`;
    expect(() => toTerms(parseFilterPattern(huge))).toThrow(FilterPatternError);
  });
});
