import type { HandlersOf } from '../handlerTypes';
import { rawOf } from '../requestText';
import { resolveOriginals } from './byRef';
import { groupEntries } from './groups';

export const stagingHandlers: HandlersOf<'staging:'> = {
  'staging:load': async (_input, s) => s.staging.load(),
  // The request's JSON text (web host), written as the log record when it can be (store.ts).
  // Entries naming an original the backend served get its exact bytes written (byRef.ts); a
  // group's rows are such entries, their keys and ids read from those bytes (groups.ts).
  'staging:apply': async (input, s) => {
    const groups = input.groups ?? [];
    if (groups.length === 0 && !input.entries.some((e) => e.updateRef)) {
      return s.staging.apply(input.entries, rawOf(input));
    }
    const named = resolveOriginals(input.entries, s.servedPages);
    if (groups.length === 0) return s.staging.apply(input.entries, undefined, named);
    const grouped = groupEntries(groups, s.servedPages);
    return s.staging.apply([...input.entries, ...grouped.entries], undefined, [...named, ...grouped.originals]);
  },
};
