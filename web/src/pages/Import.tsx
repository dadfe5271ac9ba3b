import { useState } from 'preact/hooks';
import { ApiProblem, call, query } from '../api';
import { Page, ProblemBanner, useAction } from '../ui';

interface ImportReport {
  format: string; mode: string; committed: boolean; total: number; created: number; revised: number;
  unchanged: number; failed: number; rows: { row: number; slug: string | null; outcome: string; errors: { field?: string; message?: string }[] | null }[];
}

/** A firm admin imports a question bank (CSV or JSONL) and reads the report row by row. */
export function ImportPage() {
  const [format, setFormat] = useState('csv');
  const [mode, setMode] = useState('partial');
  const [body, setBody] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const action = useAction();
  return (
    <Page title="Import a question bank">
      <form class="card" onSubmit={(e) => {
        e.preventDefault();
        setReport(null);
        void action.run(async () => {
          try {
            const r = await call<ImportReport>('POST', `/api/questions/import${query({ format, mode })}`, body,
              { 'Content-Type': format === 'csv' ? 'text/csv' : 'application/x-ndjson' });
            setReport(r.body);
          } catch (e) {
            // an all-or-nothing import that failed answers 422 with the same report
            const p = e instanceof ApiProblem ? (e.body as ImportReport | null) : null;
            if (p && Array.isArray(p.rows)) setReport(p);
            else throw e;
          }
        });
      }}>
        <div class="row">
          <label>Format <select value={format} onChange={(e) => setFormat(e.currentTarget.value)}><option value="csv">CSV</option><option value="jsonl">JSON Lines</option></select></label>
          <label>Mode <select value={mode} onChange={(e) => setMode(e.currentTarget.value)}><option value="partial">keep the valid rows</option><option value="all-or-nothing">all or nothing</option></select></label>
          <label>File <input type="file" accept=".csv,.jsonl,.ndjson,text/csv" onChange={async (e) => { const f = e.currentTarget.files?.[0]; if (f) setBody(await f.text()); }} /></label>
        </div>
        <label>Or paste the rows <textarea rows={8} value={body} onInput={(e) => setBody(e.currentTarget.value)} /></label>
        <button type="submit" class="primary" disabled={action.busy || !body.trim()}>Import</button>
      </form>
      <ProblemBanner error={action.error} />
      {report && (
        <section class="card" aria-live="polite">
          <h2>{report.committed ? 'Imported' : 'Nothing imported'}</h2>
          <p>{report.total} row{report.total === 1 ? '' : 's'}: {report.created} created, {report.revised} revised, {report.unchanged} unchanged, {report.failed} failed.</p>
          <table class="list">
            <thead><tr><th scope="col">Row</th><th scope="col">Question</th><th scope="col">Outcome</th><th scope="col">Problems</th></tr></thead>
            <tbody>{report.rows.map((r) => (
              <tr><td>{r.row}</td><td>{r.slug ?? '—'}</td><td>{r.outcome}</td><td>{(r.errors ?? []).map((e) => `${e.field ?? ''} ${e.message ?? ''}`).join('; ')}</td></tr>))}
            </tbody>
          </table>
        </section>
      )}
    </Page>
  );
}
