/**
 * Whether an endpoint has transactions, found by asking it rather than by its name: an empty
 * TransactWriteItems is refused by DynamoDB (and moto) with a validation error, and by an
 * endpoint without transactions (dynalite, the sandbox) with UnknownOperationException. Nothing
 * is written either way.
 */
import { TransactWriteItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

type Support = { transactions: boolean; reason?: string };

/** How an answer that is not definite begins (the endpoint could not be asked). */
const COULD_NOT = 'Could not check';

/**
 * Each client's answer, once it is a definite one: the review asks on every opening, and an
 * endpoint does not gain or lose an operation while its client lives (a connection edited gets a
 * new client). A check that could not be made (the endpoint unreachable, throttled) is asked again.
 */
const answers = new WeakMap<DynamoDBClient, Promise<Support>>();

export function transactionSupport(client: DynamoDBClient, connectionId: string): Promise<Support> {
  const known = answers.get(client);
  if (known) return known;
  const asked = ask(client, connectionId);
  answers.set(client, asked);
  void asked.then((a) => {
    if (a.reason?.startsWith(COULD_NOT) && answers.get(client) === asked) answers.delete(client);
  });
  return asked;
}

async function ask(client: DynamoDBClient, connectionId: string): Promise<Support> {
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
    return { transactions: false, reason: `${COULD_NOT} for transactions: ${name}` };
  }
}
