/** The form of output-shapes.json (written by generate.ts from AWS's service models). */

/**
 * A member's shape: a JSON kind (`timestamp`: an ISO-8601 string; `blob`: base64; `document`:
 * any JSON; `policyDocument`: an IAM policy, URL-encoded text or the decoded object) or the name
 * of a shape of the same service.
 */
export type ShapeRef = string;

export const SCALAR_KINDS = ['string', 'timestamp', 'blob', 'integer', 'number', 'boolean', 'document', 'policyDocument'] as const;

export type TableShape =
  | { type: 'structure'; members: Record<string, ShapeRef>; required?: string[]; nullable?: string[] }
  | { type: 'list'; member: ShapeRef }
  | { type: 'map'; value: ShapeRef }
  | { type: 'enum'; values: string[] };

export interface OperationShape {
  /** The output shape; absent when the operation returns nothing. */
  output?: ShapeRef;
  /** The lists its paginator merges: AWS always returns them, empty or not. */
  results?: string[];
}

export interface OutputShapeTable {
  source: string;
  /** By `service Operation`, the service as the AWS CLI names it. */
  operations: Record<string, OperationShape>;
  /** By service, then shape name. */
  shapes: Record<string, Record<string, TableShape>>;
}
