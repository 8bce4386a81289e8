/**
 * What planning remembers between calls, in one object its caller creates and owns: the review
 * keeps one for the app's life (it re-plans every staged change after each edit), the backend
 * makes one per commit and per validation. shared/ itself keeps no module-level state.
 *
 * - `measurer`: item measurements per item object (loaded originals measured while idle, images).
 * - `inputs`: per connection, the last planInputs call's inputs with their measurements, found
 *   again by position (see Carry), so an unchanged change keeps its input object and figures.
 * - `reads`: changeMeasure's cursor over those inputs.
 * - `sized`: the last collapseOps call's measured operations, by position.
 * - `slow`: figures of items measured the slow way (not in common form), per item object.
 */
import type { StagedChange } from '../changes/types';
import { Measurer, type ItemMeasure } from '../dynamo/measure';
import type { Item, KeySchema } from '../dynamo/types';
import type { SchemaSizedOp } from './builder';
import { Carry } from './carry';
import type { PlanInput } from './types';

/** A staged change as the planner's input, with its image's measurement. */
export interface PlannedInput {
  change: StagedChange;
  op: PlanInput;
  /** The measurement of a put's item (measureImage), null when not in common form. */
  measure: ItemMeasure | null | undefined;
}

/** Figures of an item measured the slow way, against one table and key schema. */
export interface SlowFigures {
  table: string;
  schema: KeySchema;
  keyId: string;
  bytes: number;
  size: number;
}

export class PlannerSession {
  readonly measurer = new Measurer();
  readonly inputs = new Map<string, Carry<string, PlannedInput>>();
  readonly reads = new Map<string, { at: number; byChange: Map<StagedChange, PlannedInput> | null }>();
  readonly sized = new Carry<string, SchemaSizedOp | undefined>();
  readonly slow = new WeakMap<Item, SlowFigures>();
}
