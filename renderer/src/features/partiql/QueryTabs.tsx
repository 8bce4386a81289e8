import { useState } from 'react';
import type { TableDescription } from '../../../../shared/contract/tables';
import type { SlotRef } from '../../stores/itemsStore';
import { QueryBuilder } from '../browse/query/QueryBuilder';
import { CopyQueryAs } from './CopyQueryAs';
import { PartiqlPanel } from '../../lazy/onDemand';
import './queryTabs.css';

export interface QueryTabsProps {
  slot: SlotRef;
  draftKey: string;
  table: TableDescription;
}

/** The query builder and the PartiQL editor as two tabs above the grid they both fill. */
export function QueryTabs({ slot, draftKey, table }: QueryTabsProps) {
  const [tab, setTab] = useState<'builder' | 'partiql'>('builder');
  return (
    <div className="query-tabs">
      {/* The Copy as menu sits beside the tab strip, not in it: a tablist holds only tabs. */}
      <div className="query-tablist">
        <div role="tablist" aria-label="How to read" style={{ display: 'flex' }}>
          {(['builder', 'partiql'] as const).map((t) => (
            <button
              key={t}
              type="button"
              role="tab"
              aria-selected={tab === t}
              tabIndex={tab === t ? 0 : -1}
              className={tab === t ? 'on' : ''}
              onClick={() => setTab(t)}
            >
              {t === 'builder' ? 'Query builder' : 'PartiQL'}
            </button>
          ))}
        </div>
        <span className="spacer" />
        {tab === 'builder' && <CopyQueryAs draftKey={draftKey} table={table} />}
      </div>
      <div role="tabpanel">
        {tab === 'builder' ? (
          <QueryBuilder slot={slot} draftKey={draftKey} table={table} />
        ) : (
          <PartiqlPanel slot={slot} table={table} />
        )}
      </div>
    </div>
  );
}
