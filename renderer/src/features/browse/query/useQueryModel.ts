import { useMemo } from 'react';
import type { QueryModel } from '../../../../../shared/contract/items';
import type { TableDescription } from '../../../../../shared/contract/tables';
import type { KeySchema } from '../../../../../shared/dynamo/types';
import {
  buildRequest,
  isQuery,
  validateModel,
  type BuiltRequest,
  type ModelError,
} from '../../../../../shared/query';
import { toModel, type QueryDraft } from './queryDraft';
import { selectDraft, useQueryDraftStore } from './queryDraftStore';

export interface Target {
  /** '' for the table. */
  index: string;
  kind: 'table' | 'GSI' | 'LSI';
  key: KeySchema;
}

/** The table, or the named index when it exists. */
export function targetOf(table: TableDescription, index: string): Target {
  const ix = table.indexes.find((i) => i.name === index);
  return ix
    ? { index: ix.name, kind: ix.kind, key: ix.key }
    : { index: '', kind: 'table', key: table.key };
}

export interface QueryState {
  draft: QueryDraft;
  attempted: boolean;
  target: Target;
  model: QueryModel;
  kind: 'Query' | 'Scan';
  /** Form and model errors; nothing may be sent while there are any. */
  errors: ModelError[];
  /** The exact request, when the model is valid. */
  built: BuiltRequest | null;
}

/** The query bar's draft for a table, as a model, its errors and the request it becomes. */
export function useQueryModel(draftKey: string, table: TableDescription): QueryState {
  const draft = useQueryDraftStore(selectDraft(draftKey));
  const attempted = useQueryDraftStore((s) => s.attempted[draftKey] ?? false);
  const derived = useMemo(() => {
    const target = targetOf(table, draft.index);
    const { model, errors: formErrors } = toModel(
      draft,
      table.name,
      target.key,
      target.kind === 'GSI',
    );
    const modelErrors = validateModel(
      model,
      target.key,
      target.kind === 'table' ? false : target.kind,
    );
    const errors = [...modelErrors, ...formErrors];
    let built: BuiltRequest | null = null;
    if (errors.length === 0) {
      try {
        built = buildRequest(
          model,
          target.key,
          target.kind === 'table' ? {} : { tableKey: table.key },
        );
      } catch (err) {
        errors.push({ field: 'model', message: (err as Error).message });
      }
    }
    // What Run sends: a Query form always sends a Query (it cannot run without its key value).
    const kind: 'Query' | 'Scan' = model.mode === 'query' || isQuery(model) ? 'Query' : 'Scan';
    return { target, model, kind, errors, built };
  }, [draft, table]);
  return { draft, attempted, ...derived };
}
