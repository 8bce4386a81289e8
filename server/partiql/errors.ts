/** How PartiQL calls fail, in words the PartiQL tab can show as they are. */

/** Endpoints without PartiQL (dynalite, the sandbox) answer UnknownOperationException. */
export const NO_PARTIQL_MESSAGE =
  'This endpoint does not support PartiQL (ExecuteStatement): the sandbox (dynalite) has none. ' +
  'Use the query builder here, or a connection to DynamoDB.';

/** The error to throw for a failed PartiQL call: the service's name and message, made readable. */
export function partiqlError(err: unknown, connectionId: string): Error {
  const e = err as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  if (e?.name === 'UnknownOperationException') {
    const message =
      connectionId === 'sandbox' ? 'The sandbox (dynalite) does not support PartiQL. Use the query builder, or a connection to DynamoDB.' : NO_PARTIQL_MESSAGE;
    return Object.assign(new Error(message), { name: 'UnknownOperationException' });
  }
  // A server that fails on a statement it cannot parse may answer a 500 page instead of JSON.
  const status = e?.$metadata?.httpStatusCode;
  if (e?.name === 'SyntaxError' && status !== undefined) {
    return Object.assign(new Error(`The server could not process the statement (HTTP ${status}, no DynamoDB error in the answer).`), {
      name: 'InternalServerErrorException',
    });
  }
  return err instanceof Error ? err : new Error(String(err));
}
