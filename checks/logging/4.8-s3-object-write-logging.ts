import { BUCKET_LIST_READS } from '../storage/buckets.js';
import type { Recommendation } from '../types.js';
import { TRAIL_READS } from './trails.js';
import { judgeS3ObjectLogging } from './s3-data-events.js';

export const s3ObjectWriteLogging: Recommendation = {
  id: '4.8',
  section: '4',
  title: 'Ensure that object-level logging for write events is enabled for S3 buckets',
  level: 2,
  assessment: 'automated',
  guidance: {
    protects:
      'Management events show changes to a bucket\'s settings, but not who uploaded, overwrote or deleted the objects inside it. Recording S3 write data events (PutObject, DeleteObject, CopyObject and the like) gives that per-object history. It is what shows whether data was planted, encrypted by ransomware or destroyed, and by which identity.',
    verifyConsole: [
      'Open CloudTrail → Trails and open a trail whose Multi-region trail reads Yes and whose logging is on.',
      'Under Data events, S3 must be listed for all current and future buckets (advanced selectors: the Log all events template, or a selector limited to write events; basic selectors: all buckets with Write ticked).',
    ],
    verifyCli: [
      'aws cloudtrail describe-trails, then for a multi-region trail: aws cloudtrail get-trail-status --name <trail-arn> ("IsLogging": true).',
      'aws cloudtrail get-event-selectors --trail-name <trail-arn>',
      'Classic selectors: a DataResources entry of Type AWS::S3::Object with Values ["arn:aws:s3"] and ReadWriteType All or WriteOnly. Advanced selectors: eventCategory = Data and resources.type = AWS::S3::Object, with no readOnly field or readOnly = false.',
    ],
    remediation: [
      'Pick the multi-region trail (create one if needed) and add an S3 data event selector for writes on all buckets.',
      'Advanced selectors: aws cloudtrail put-event-selectors --trail-name <trail> --advanced-event-selectors \'[{"Name":"Management","FieldSelectors":[{"Field":"eventCategory","Equals":["Management"]}]},{"Name":"S3 writes","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::S3::Object"]},{"Field":"readOnly","Equals":["false"]}]}]\'',
      'Keep the management event selector in the same call: put-event-selectors replaces all selectors. Expect extra CloudTrail cost for data events.',
    ],
  },
  reads: [...TRAIL_READS, ...BUCKET_LIST_READS],
  risk: { likelihood: 1, impact: 3, mitigation: 'reduction', mitigationWhy: 'Per-object records make tampering with stored data traceable to an identity.' },
  evaluate(ctx) {
    return judgeS3ObjectLogging(ctx, 'write');
  },
};
