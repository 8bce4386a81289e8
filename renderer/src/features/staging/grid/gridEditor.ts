/** Which staging editor the grid has open: UI state of one table's Items tab. */
import type { PasteError } from '../tsvPaste';
import type { Anchor } from './CellEditPopover';

export type GridEditor =
  | { kind: 'cell'; id: string; column: string; anchor: Anchor }
  | { kind: 'editItem' | 'addAttribute' | 'removeAttributes'; id: string }
  | { kind: 'duplicate' | 'delete' | 'copy' | 'move' | 'bulkSelection'; ids: string[] }
  | { kind: 'bulkQuery' | 'add' | 'import' }
  | { kind: 'pasteErrors'; errors: PasteError[]; cells: number };
