import { EditorView, basicSetup } from 'codemirror';
import { sql, PostgreSQL } from '@codemirror/lang-sql';

/** Mounts a PostgreSQL editor in `host`; returns its teardown. */
export function mountSqlEditor(host: HTMLElement, initial: string, onChange: (value: string) => void): () => void {
  const view = new EditorView({
    doc: initial,
    parent: host,
    extensions: [
      basicSetup,
      sql({ dialect: PostgreSQL }),
      EditorView.contentAttributes.of({ 'aria-label': 'SQL query', 'aria-multiline': 'true' }),
      EditorView.updateListener.of((u) => u.docChanged && onChange(u.state.doc.toString())),
    ],
  });
  return () => view.destroy();
}
