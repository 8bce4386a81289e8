/** Test support: a commit:start input with the plan id a review of the saved staging would send. */
import type { z } from 'zod';
import type { StagedChange } from '../../../shared/changes/types';
import type { commitChannels } from '../../../shared/contract/commit';
import { planIdentity } from '../../../shared/plan/planId';

type StartInput = z.input<(typeof commitChannels)['commit:start']['input']>;
type Call = (channel: string, input: unknown) => Promise<unknown>;

/**
 * `input` with `reviewed` filled in as the app's review would: the plan id of the saved staging
 * (staging:load through `call`) and the revision it was saved with.
 */
export async function reviewedStart(call: Call, input: Omit<StartInput, 'reviewed'>): Promise<StartInput> {
  const loaded = (await call('staging:load', {})) as {
    entries: { id: string; change: StagedChange }[];
    revision: number;
  };
  const changes = new Map(loaded.entries.map((e) => [e.id, e.change]));
  const { id, operations } = planIdentity(changes, input);
  return { ...input, reviewed: { planId: id, operations, stagingRevision: loaded.revision } };
}
