import { json } from '@codemirror/lang-json';
import { Compartment, EditorState } from '@codemirror/state';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { oneDarkHighlightStyle, oneDarkTheme } from '@codemirror/theme-one-dark';
import { EditorView, keymap } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

// One Dark with its red (#e06c75 on #282c34: 4.38:1) lightened to reach WCAG AA (5.8:1).
const darkTheme = [
  oneDarkTheme,
  syntaxHighlighting(
    HighlightStyle.define(
      oneDarkHighlightStyle.specs.map((s) =>
        s.color === '#e06c75' ? { ...s, color: '#ef8a92' } : s,
      ),
      { themeType: 'dark' },
    ),
  ),
];

export interface CodeMirrorOptions {
  /** The text; a change from outside (a format switch) replaces the editor's content. */
  doc: string;
  onChange(text: string): void;
  dark: boolean;
  /** Ctrl/Cmd+Enter. */
  onSubmit?(): void;
  /** Accessible name of the editing surface. */
  label: string;
}

/**
 * A CodeMirror 6 JSON editor mounted in `parent`: line numbers, bracket matching, folding, search,
 * undo of its own. The view lives as long as the component; theme and text follow the options.
 */
export function useCodeMirror(
  parent: RefObject<HTMLDivElement | null>,
  opts: CodeMirrorOptions,
): RefObject<EditorView | null> {
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
          keymap.of([{ key: 'Mod-Enter', run: () => (latest.current.onSubmit?.(), true) }]),
          basicSetup,
          json(),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': latest.current.label }),
          theme.current.of(latest.current.dark ? darkTheme : []),
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
    view.current?.dispatch({ effects: theme.current.reconfigure(opts.dark ? darkTheme : []) });
  }, [opts.dark]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== opts.doc) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: opts.doc } });
    }
  }, [opts.doc]);

  return view;
}
