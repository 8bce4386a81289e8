import { sql, PostgreSQL } from '@codemirror/lang-sql';
import { Compartment, EditorState } from '@codemirror/state';
import { oneDark } from '@codemirror/theme-one-dark';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef, type RefObject } from 'react';

export interface SqlEditorOptions {
  doc: string;
  onChange(text: string): void;
  onSubmit(): void;
  dark: boolean;
  label: string;
  /** A position to put the cursor at (a service error's line and column). */
  focusAt?: { line: number; column: number };
}

/**
 * A CodeMirror 6 editor with SQL highlighting (PartiQL reads as SQL with double-quoted names,
 * which the PostgreSQL dialect highlights the same way). Ctrl/Cmd+Enter runs the statement.
 */
export function useSqlEditor(parent: RefObject<HTMLDivElement | null>, opts: SqlEditorOptions): void {
  const view = useRef<EditorView | null>(null);
  const latest = useRef(opts);
  latest.current = opts;
  const theme = useRef(new Compartment());

  useEffect(() => {
    const el = parent.current;
    if (!el) return;
    const v = new EditorView({
      parent: el,
      state: EditorState.create({
        doc: latest.current.doc,
        extensions: [
          keymap.of([{ key: 'Mod-Enter', run: () => (latest.current.onSubmit(), true) }]),
          basicSetup,
          sql({ dialect: PostgreSQL }),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': latest.current.label }),
          theme.current.of(latest.current.dark ? oneDark : []),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, [parent]);

  useEffect(() => {
    view.current?.dispatch({ effects: theme.current.reconfigure(opts.dark ? oneDark : []) });
  }, [opts.dark]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== opts.doc) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: opts.doc } });
    }
  }, [opts.doc]);

  const at = opts.focusAt;
  useEffect(() => {
    const v = view.current;
    if (!v || !at) return;
    const line = v.state.doc.line(Math.min(Math.max(1, at.line), v.state.doc.lines));
    const pos = Math.min(line.from + Math.max(0, at.column - 1), line.to);
    v.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
  }, [at?.line, at?.column, at]);
}
