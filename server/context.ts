import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { BackendEvent } from '../shared/contract';
import type { ServedPages } from './items/servedPages';

/** What every service gets: where data lives, how to reach a connection, how to emit events. */
export interface BackendContext {
  /** The app's data directory (Electron userData, or the web host's --data-dir). */
  dataDir: string;
  /** The SDK client for a connection id ('sandbox', or a saved connection's id). */
  client(connectionId: string): Promise<DynamoDBClient>;
  /** Sends an event to every attached renderer (IPC or the SSE stream). */
  emit(event: BackendEvent): void;
  /**
   * True when the host writes a Load all page's Items into its event stream as the bytes
   * DynamoDB sent (the web host, server/items/itemsEvent.ts sseLine): only then are the bytes
   * checked and kept unparsed. Other hosts get pages parsed once, as ordinary events.
   */
  readonly splicesItems?: boolean;
  /**
   * The Items bytes of spliced pages, kept (bounded) so that a staging save can name a loaded
   * row's image instead of sending it (server/items/servedPages.ts). Absent: pages carry no id.
   */
  readonly servedPages?: ServedPages;
}
