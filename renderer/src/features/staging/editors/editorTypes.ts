import type { AttributeValue } from '../../../../../shared/dynamo/types';
import type { Parsed } from '../../../../../shared/values/valueParse';

/** What every per-type editor inside CellEditor takes. */
export interface ValueEditorProps {
  /** The value to start from (already of the editor's type), or undefined for a new one. */
  initial: AttributeValue | undefined;
  /** Called with the parsed value, or why the text is not one yet. */
  onChange(result: Parsed<AttributeValue>): void;
  /** Enter in a one-line field, Ctrl/Cmd+Enter elsewhere. */
  onSubmit(): void;
  /** Accessible name of the main input. */
  label: string;
}
