import { BUCKET_LIST_READS } from '../storage/buckets.js';
import type { Recommendation } from '../types.js';
import { TRAIL_READS } from './trails.js';
import { judgeS3ObjectLogging } from './s3-data-events.js';

export const s3ObjectReadLogging: Recommendation = {
  id: '4.9',
  section: '4',
  title: 'Ensure that object-level logging for read events is enabled for S3 buckets',
  level: 2,
  assessment: 'automated',
  guidance: {
    protects:
      'Data theft from S3 happens through reads: GetObject calls made with stolen or over-privileged credentials. Management events do not record them, so without read data events nobody can say which objects left the account or who took them. Recording S3 read data events answers exactly that question after a breach.',
    verifyConsole: [
      'Open CloudTrail → Trails and open a trail whose Multi-region trail reads Yes and whose logging is on.',
      'Under Data events, S3 must be listed for all current and future buckets (advanced selectors: the Log all events template, or a selector limited to read events; basic selectors: all buckets with Read ticked).',
    ],
    verifyCli: [
      'aws cloudtrail describe-trails, then for a multi-region trail: aws cloudtrail get-trail-status --name <trail-arn> ("IsLogging": true).',
      'aws cloudtrail get-event-selectors --trail-name <trail-arn>',
      'Classic selectors: a DataResources entry of Type AWS::S3::Object with Values ["arn:aws:s3"] and ReadWriteType All or ReadOnly. Advanced selectors: eventCategory = Data and resources.type = AWS::S3::Object, with no readOnly field or readOnly = true.',
    ],
    remediation: [
      'Pick the multi-region trail and add S3 read data events for all buckets, for example by dropping the readOnly field from its S3 data selector so reads and writes are both recorded.',
      'CLI: aws cloudtrail put-event-selectors --trail-name <trail> --advanced-event-selectors with the management selector plus {"Name":"S3 objects","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::S3::Object"]}]}.',
      'Read events are numerous: estimate the cost first, and consider excluding the trail\'s own log bucket.',
    ],
  },
  reads: [...TRAIL_READS, ...BUCKET_LIST_READS],
  risk: { likelihood: 1, impact: 3, mitigation: 'reduction', mitigationWhy: 'A record of object reads turns a suspected leak into a scoped, provable one.' },
  evaluate(ctx) {
    return judgeS3ObjectLogging(ctx, 'read');
  },
};
