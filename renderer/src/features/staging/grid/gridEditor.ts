/** Which staging editor the grid has open: UI state of one table's Items tab. */
import type { BulkSource } from '../dialogs/BulkEditDialog';
import type { LeftOut } from '../../../../../shared/staging/bulkScope';
import type { PasteError } from '../../../../../shared/staging/tsvPaste';
import type { Anchor } from './CellEditPopover';

export type GridEditor =
  | { kind: 'cell'; id: string; column: string; anchor: Anchor }
  | { kind: 'editItem' | 'addAttribute' | 'removeAttributes'; id: string }
  | {
      kind: 'duplicate' | 'delete' | 'copy' | 'move' | 'bulkSelection';
      ids: string[];
      /** Selected rows the action leaves out, by reason (the dialog lists them). */
      leftOut: LeftOut[];
    }
  | { kind: 'bulkQuery'; source: Extract<BulkSource, { kind: 'query' }> }
  | { kind: 'add' | 'import' }
  | { kind: 'pasteErrors'; errors: PasteError[]; cells: number };
