import type { KeySchema } from '../../../../shared/dynamo/types';
import type { TableDescription } from '../../../../shared/contract/tables';

function KeyText({ schema }: { schema: KeySchema }) {
  return (
    <span className="key-text">
      <code>{schema.partitionKey.name}</code> <span className="badge">{schema.partitionKey.type}</span>{' '}
      <span className="muted">partition</span>
      {schema.sortKey && (
        <>
          {' · '}
          <code>{schema.sortKey.name}</code> <span className="badge">{schema.sortKey.type}</span>{' '}
          <span className="muted">sort</span>
        </>
      )}
    </span>
  );
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function TableDescriptionView({ table }: { table: TableDescription }) {
  return (
    <section className="table-description" aria-label={`Description of ${table.name}`}>
      <dl className="facts">
        <dt>Key schema</dt>
        <dd data-testid="key-schema">
          <KeyText schema={table.key} />
        </dd>
        <dt>Attribute definitions</dt>
        <dd>
          {table.attributeDefinitions.map((a) => (
            <span key={a.name} className="chip">
              {a.name} <span className="badge">{a.type}</span>
            </span>
          ))}
        </dd>
        <dt>Billing mode</dt>
        <dd>
          {table.billingMode === 'PAY_PER_REQUEST' ? 'On-demand' : 'Provisioned'}
          {table.provisioned && ` (${table.provisioned.read} RCU / ${table.provisioned.write} WCU)`}
        </dd>
        <dt>Items (as reported)</dt>
        <dd>
          {table.itemCount ?? '—'} items · {table.sizeBytes !== undefined ? formatBytes(table.sizeBytes) : '—'}
          <span className="muted small"> (DynamoDB updates these about every six hours)</span>
        </dd>
        <dt>Stream</dt>
        <dd>{table.stream.enabled ? `Enabled (${table.stream.viewType ?? ''})` : 'Disabled'}</dd>
        <dt>Time to live</dt>
        <dd>
          {table.ttl.status}
          {table.ttl.attribute && ` on ${table.ttl.attribute}`}
        </dd>
        <dt>Status</dt>
        <dd>{table.status}</dd>
      </dl>
      <h3>Indexes</h3>
      {table.indexes.length === 0 ? (
        <p className="muted">No secondary indexes.</p>
      ) : (
        <table className="indexes" aria-label="Indexes">
          <thead>
            <tr>
              <th>Name</th>
              <th>Kind</th>
              <th>Key</th>
              <th>Projection</th>
            </tr>
          </thead>
          <tbody>
            {table.indexes.map((ix) => (
              <tr key={ix.name}>
                <td>
                  <code>{ix.name}</code>
                </td>
                <td>{ix.kind}</td>
                <td>
                  <KeyText schema={ix.key} />
                </td>
                <td>
                  {ix.projection.type}
                  {ix.projection.nonKeyAttributes && `: ${ix.projection.nonKeyAttributes.join(', ')}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
