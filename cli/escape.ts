/**
 * Text from change files (table names, keys, attribute names, service messages quoting them) is
 * printed escaped: a control character or a bidirectional override never reaches the terminal raw.
 */

// C0 controls but newline and tab, DEL, C1 controls, and the Unicode bidi embeddings, overrides
// and isolates (which reorder what the terminal shows).
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every unsafe character written as \uXXXX (valid inside a JSON string too). */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface Writable {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** The same stream, escaping whatever is written to it. */
export function escaping<T extends Writable>(out: T): Writable {
  return {
    write: (s: string) => out.write(escapeControls(s)),
    ...(out.isTTY !== undefined ? { isTTY: out.isTTY } : {}),
    ...(out.columns !== undefined ? { columns: out.columns } : {}),
  };
}
