/** Error answers as DynamoDB gives them: call-wide errors, throttling, 5xx. */
import type { CallWideError } from './config';

export type Json = Record<string, unknown>;

export interface Reply {
  kind: 'reply';
  status: number;
  body: Json;
}

const ACCOUNT = '123456789012';

/** Tables a call touches, in the order the request names them. */
export function tablesOf(op: string, body: Json | null): string[] {
  if (!body) return [];
  if (op === 'BatchWriteItem' || op === 'BatchGetItem') {
    const items = body.RequestItems;
    return items && typeof items === 'object' ? Object.keys(items) : [];
  }
  if (op === 'TransactWriteItems' || op === 'TransactGetItems') {
    const actions = Array.isArray(body.TransactItems) ? (body.TransactItems as Json[]) : [];
    const names = actions.flatMap((a) =>
      Object.values(a).map((x) => (x as Json | null)?.TableName),
    );
    return [...new Set(names.filter((n): n is string => typeof n === 'string'))];
  }
  return typeof body.TableName === 'string' ? [body.TableName] : [];
}

/** The region the client signed for (its credential scope), as DynamoDB's ARNs name it. */
export function regionOf(authorization: string | undefined): string {
  const m = /Credential=[^/]+\/\d{8}\/([^/]+)\/dynamodb\//.exec(authorization ?? '');
  return m?.[1] ?? 'us-east-1';
}

/** DynamoDB's answer to a call refused with a call-wide error (HTTP 400, its own namespace). */
export function callWideReply(
  error: CallWideError,
  op: string,
  table: string | undefined,
  region: string,
): Reply {
  // Authentication and authorization errors come from the service framework (coral), and carry
  // "Message" with a capital M; DynamoDB's own errors use its API namespace and "message".
  const coral = (message: string): Reply => ({
    kind: 'reply',
    status: 400,
    body: { __type: `com.amazon.coral.service#${error}`, Message: message },
  });
  switch (error) {
    case 'AccessDeniedException': {
      const resource = `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${table ?? '*'}`;
      return coral(
        `User: arn:aws:iam::${ACCOUNT}:user/dev is not authorized to perform: dynamodb:${op} ` +
          `on resource: ${resource} because no identity-based policy allows the dynamodb:${op} action`,
      );
    }
    case 'UnrecognizedClientException':
      return coral('The security token included in the request is invalid.');
    case 'ExpiredTokenException':
      return coral('The security token included in the request is expired');
    case 'InvalidSignatureException':
      return coral(
        'The request signature we calculated does not match the signature you provided. Check ' +
          'your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      );
    case 'ResourceNotFoundException':
      return {
        kind: 'reply',
        status: 400,
        body: {
          __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
          message: 'Requested resource not found',
        },
      };
  }
}

export function throttleReply(
  type: 'ProvisionedThroughputExceededException' | 'ThrottlingException',
  message: string,
): Reply {
  return {
    kind: 'reply',
    status: 400,
    body: { __type: `com.amazonaws.dynamodb.v20120810#${type}`, message },
  };
}

export const CAPACITY_MESSAGE =
  'The level of configured provisioned throughput for the table was exceeded. Consider ' +
  'increasing your provisioning level with the UpdateTable API.';

export function serverErrorReply(status: 500 | 503): Reply {
  return status === 500
    ? {
        kind: 'reply',
        status,
        body: {
          __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
          message: 'Internal server error',
        },
      }
    : {
        kind: 'reply',
        status,
        body: {
          __type: 'com.amazonaws.dynamodb.v20120810#ServiceUnavailable',
          message: 'The service is currently unavailable or busy.',
        },
      };
}
