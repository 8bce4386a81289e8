import { useRef } from 'react';
import { useIsDark } from '../../ui/useIsDark';
import { useSqlEditor } from './useSqlEditor';

export interface SqlEditorProps {
  value: string;
  onChange(text: string): void;
  onSubmit(): void;
  label: string;
  focusAt?: { line: number; column: number };
}

/** The PartiQL statement editor: SQL highlighting, the app's light or dark theme. */
export function SqlEditor({ value, onChange, onSubmit, label, focusAt }: SqlEditorProps) {
  const parent = useRef<HTMLDivElement>(null);
  const dark = useIsDark();
  useSqlEditor(parent, { doc: value, onChange, onSubmit, dark, label, ...(focusAt ? { focusAt } : {}) });
  return <div ref={parent} className="code-editor partiql-editor" data-testid="partiql-editor" />;
}
