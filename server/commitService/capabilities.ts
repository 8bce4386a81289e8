/**
 * Whether an endpoint has transactions, found by asking it rather than by its name: an empty
 * TransactWriteItems is refused by DynamoDB (and moto) with a validation error, and by an
 * endpoint without transactions (dynalite, the sandbox) with UnknownOperationException. Nothing
 * is written either way.
 */
import { TransactWriteItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

export async function transactionSupport(
  client: DynamoDBClient,
  connectionId: string,
): Promise<{ transactions: boolean; reason?: string }> {
  try {
    await client.send(new TransactWriteItemsCommand({ TransactItems: [] }));
    return { transactions: true };
  } catch (err) {
    const name = (err as { name?: string }).name ?? 'Error';
    if (name === 'UnknownOperationException') {
      const who = connectionId === 'sandbox' ? 'The sandbox (dynalite)' : 'This endpoint';
      return { transactions: false, reason: `${who} does not support transactions (TransactWriteItems)` };
    }
    // Asked and answered (a validation error, or access): the operation exists.
    if (/Validation|AccessDenied|Serialization/.test(name)) return { transactions: true };
    return { transactions: false, reason: `Could not check for transactions: ${name}` };
  }
}
