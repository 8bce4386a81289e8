import type { BatchGetResult } from '../../../../../shared/contract/items';
import type { KeySchema } from '../../../../../shared/dynamo/types';
import { keyText } from './keyText';

export interface GetResultsProps {
  results: BatchGetResult[];
  schemas: Record<string, KeySchema>;
  onShow: (table: string) => void;
}

/** Per table: how many items were found, and every key that matched none. */
export function GetResults({ results, schemas, onShow }: GetResultsProps) {
  return (
    <div className="get-results" aria-label="Results">
      {results.map((r) => {
        const schema = schemas[r.table];
        return (
          <section key={r.table} aria-label={`Results for ${r.table}`}>
            <h4>
              {r.table}: {r.items.length} found, {r.missing.length} missing
              {r.duplicates > 0 && (
                <span className="muted">, {r.duplicates} repeated keys read once</span>
              )}
              <button type="button" className="b-link" onClick={() => onShow(r.table)}>
                Show in grid
              </button>
            </h4>
            {r.missing.length > 0 && schema && (
              <>
                <p className="small">Keys that matched no item:</p>
                <ul className="missing-keys" aria-label={`Missing keys in ${r.table}`}>
                  {r.missing.map((k) => {
                    const text = keyText(k, schema);
                    return <li key={text}>{text}</li>;
                  })}
                </ul>
              </>
            )}
            {r.unprocessed.length > 0 && schema && (
              <p className="b-error small">
                {r.unprocessed.length} keys were not read (throttled after every retry):{' '}
                {r.unprocessed.map((k) => keyText(k, schema)).join('; ')}
              </p>
            )}
          </section>
        );
      })}
    </div>
  );
}
