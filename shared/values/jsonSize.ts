/**
 * How many UTF-8 bytes JSON.stringify(value) takes (what a request body of it weighs): the save
 * queue sizes its writes with it. Native stringify beats walking the value in script (measured:
 * a walk cost more than the stringify it replaced); the UTF-8 count (shared/dynamo/binary's, one
 * native scan when the text is ASCII) walks only non-ASCII text. For the JSON of items and write
 * requests as the planner sends them, see shared/dynamo/measure.ts (reference: plan/wireSize.ts).
 */
import { utf8Length } from '../dynamo/binary';

export function jsonSize(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? '');
}
