import type { BuiltRequest } from '../../../../../shared/query';

/** The exact request Run sends: operation, expressions, placeholders and values (Load all: without Limit). */
export function RequestPreview({ built }: { built: BuiltRequest | null }) {
  if (!built) return null;
  const p = built.params;
  const lines: [string, string][] = [];
  if (p.IndexName) lines.push(['IndexName', p.IndexName]);
  if (p.KeyConditionExpression) lines.push(['KeyConditionExpression', p.KeyConditionExpression]);
  if (p.FilterExpression) lines.push(['FilterExpression', p.FilterExpression]);
  if (p.ProjectionExpression) lines.push(['ProjectionExpression', p.ProjectionExpression]);
  if (p.ExpressionAttributeNames)
    lines.push(['ExpressionAttributeNames', JSON.stringify(p.ExpressionAttributeNames)]);
  if (p.ExpressionAttributeValues)
    lines.push(['ExpressionAttributeValues', JSON.stringify(p.ExpressionAttributeValues)]);
  if (p.ScanIndexForward === false) lines.push(['ScanIndexForward', 'false']);
  if (p.ConsistentRead) lines.push(['ConsistentRead', 'true']);
  if (p.Limit !== undefined) lines.push(['Limit', `${p.Limit} (Run and Load more; Load all reads full pages)`]);
  return (
    <details className="request-preview">
      <summary>
        Request: <strong>{built.kind}</strong> on <code>{p.TableName}</code>
        {p.IndexName && (
          <>
            {' '}
            index <code>{p.IndexName}</code>
          </>
        )}
        {p.KeyConditionExpression && (
          <span className="expr">
            key <code>{p.KeyConditionExpression}</code>
          </span>
        )}
        {p.FilterExpression && (
          <span className="expr">
            filter <code>{p.FilterExpression}</code>
          </span>
        )}
      </summary>
      <dl aria-label="Request parameters">
        {lines.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>
              <code>{v}</code>
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
