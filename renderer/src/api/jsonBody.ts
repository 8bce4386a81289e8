/**
 * A call's input with its JSON text already made: the staging save serialises each entry once to
 * size its batches, and the web transport sends that text instead of serialising the batch again
 * (10,000 bulk-edit entries are 14 MB). A symbol, so the Electron bridge's structured clone and
 * the input's own fields never see it.
 */
const JSON_BODY = Symbol('JSON text of this input');

type WithBody = { [JSON_BODY]?: string };

/** `input`, carrying `text` (which must be JSON.stringify(input)). */
export function withJsonBody<T extends object>(input: T, text: string): T {
  Object.defineProperty(input, JSON_BODY, { value: text });
  return input;
}

/** The text carried by `input`, if any. */
export function jsonBodyOf(input: unknown): string | undefined {
  return input && typeof input === 'object' ? (input as WithBody)[JSON_BODY] : undefined;
}
