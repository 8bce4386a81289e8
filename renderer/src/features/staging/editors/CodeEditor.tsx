import { useRef } from 'react';
import { useCodeMirror } from './useCodeMirror';
import { useIsDark } from '../../../ui/useIsDark';

export interface CodeEditorProps {
  value: string;
  onChange(text: string): void;
  onSubmit?(): void;
  label: string;
  /** CSS height of the editor, e.g. '16rem'. */
  height?: string;
}

/** A CodeMirror 6 JSON editor that follows the app's light or dark theme. */
export function CodeEditor({
  value,
  onChange,
  onSubmit,
  label,
  height = '14rem',
}: CodeEditorProps) {
  const parent = useRef<HTMLDivElement>(null);
  const dark = useIsDark();
  useCodeMirror(parent, { doc: value, onChange, onSubmit, dark, label });
  return <div ref={parent} className="code-editor" style={{ height }} data-testid="code-editor" />;
}
