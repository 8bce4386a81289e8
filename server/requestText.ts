/**
 * The JSON text a request's input was parsed from, carried beside the input (a symbol: invisible
 * to the channel schemas and handlers that do not ask). The web host attaches it; dispatch keeps
 * it on the checked input; staging:apply writes it as its log record instead of serialising the
 * same entries again. Hosts without a body text (Electron's IPC) attach nothing.
 */
const RAW_JSON = Symbol('raw JSON text of the input');

type WithRaw = { [RAW_JSON]?: string };

/** Attaches `text` to `input` (an object parsed from it); other values are left as they are. */
export function attachRaw(input: unknown, text: string): void {
  if (input && typeof input === 'object') Object.defineProperty(input, RAW_JSON, { value: text });
}

/** The text attached to `input`, if any. */
export function rawOf(input: unknown): string | undefined {
  return input && typeof input === 'object' ? (input as WithRaw)[RAW_JSON] : undefined;
}

/** Carries `from`'s text over to `to` (the schema's checked copy of the input). */
export function carryRaw(from: unknown, to: unknown): void {
  const text = rawOf(from);
  if (text !== undefined && to !== from) attachRaw(to, text);
}
