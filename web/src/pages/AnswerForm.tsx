import { useEffect, useRef, useState } from 'preact/hooks';
import { call } from '../api';
import type { Metric, QuestionView } from '../types';
import { ProblemBanner, useAction } from '../ui';

/** Answers the current question in its format: free text, SQL in an editor, or the structured metrics form. */
export function AnswerForm({ sessionId, question, etag, onSubmitted }: {
  sessionId: string; question: QuestionView; etag: string; onSubmitted: () => Promise<void>;
}) {
  const [text, setText] = useState('');
  const [structured, setStructured] = useState(question.answerFormat === 'STRUCTURED_METRICS');
  const [metrics, setMetrics] = useState<Metric[]>([{ name: '', rank: 1, kind: 'PRIMARY' }]);
  const [threshold, setThreshold] = useState('');
  const action = useAction();
  const sql = question.answerFormat === 'SQL';

  const submit = () => action.run(async () => {
    const body = structured
      ? { text: text || undefined, structured: { metrics: metrics.filter((m) => m.name.trim()), decisionThreshold: threshold } }
      : { text };
    await call('POST', `/api/sessions/${sessionId}/questions/${question.index}/answer`, body, { 'If-Match': etag });
    await onSubmitted();
  });

  return (
    <form class="card answer-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2>Your answer</h2>
      <ProblemBanner error={action.error} />
      {question.answerFormat === 'STRUCTURED_METRICS' && (
        <fieldset class="row">
          <legend>Answer as</legend>
          <label class="check"><input type="radio" name="as" checked={structured} onChange={() => setStructured(true)} /> a ranked metric list</label>
          <label class="check"><input type="radio" name="as" checked={!structured} onChange={() => setStructured(false)} /> free text</label>
        </fieldset>
      )}
      {sql ? <SqlEditor value={text} onChange={setText} /> : (
        <label>{structured ? 'Notes (optional)' : 'Answer'}
          <textarea rows={structured ? 3 : 10} required={!structured} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
      )}
      {structured && (
        <fieldset>
          <legend>Metrics, in order of importance</legend>
          {metrics.map((m, i) => (
            <div class="row metric">
              <label>Metric {i + 1}
                <input required value={m.name} onInput={(e) => setMetrics(metrics.map((x, j) => j === i ? { ...x, name: e.currentTarget.value } : x))} />
              </label>
              <label>Kind
                <select value={m.kind} onChange={(e) => setMetrics(metrics.map((x, j) => j === i ? { ...x, kind: e.currentTarget.value as Metric['kind'] } : x))}>
                  <option value="PRIMARY">primary</option><option value="GUARDRAIL">guardrail</option><option value="SECONDARY">secondary</option>
                </select>
              </label>
              {metrics.length > 1 && <button type="button" onClick={() => setMetrics(metrics.filter((_, j) => j !== i).map((x, j) => ({ ...x, rank: j + 1 })))}
                aria-label={`Remove metric ${i + 1}`}>Remove</button>}
            </div>
          ))}
          <button type="button" onClick={() => setMetrics([...metrics, { name: '', rank: metrics.length + 1, kind: 'GUARDRAIL' }])}>Add a metric</button>
          <label>Decision threshold, stated before the results
            <input required value={threshold} onInput={(e) => setThreshold(e.currentTarget.value)} placeholder="Ship if retention +0.5 pp with no guardrail worse than -0.2 pp" />
          </label>
        </fieldset>
      )}
      <button type="submit" class="primary" disabled={action.busy}>Submit answer</button>
    </form>
  );
}

/**
 * SQL with syntax highlighting: CodeMirror, loaded only when a SQL question is on screen (it is most of the
 * client's weight). Until it arrives, and if it fails, a plain textarea does the job.
 */
function SqlEditor({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let destroy = () => {};
    void import('../sqlEditor').then(({ mountSqlEditor }) => {
      if (!host.current) return;
      destroy = mountSqlEditor(host.current, value, onChange);
      setReady(true);
    });
    return () => destroy();
  }, []);
  return (
    <div>
      <span id="sql-label" class="label">Your query</span>
      <div ref={host} class="sql-editor" aria-labelledby="sql-label" />
      {!ready && <textarea aria-labelledby="sql-label" rows={8} value={value} onInput={(e) => onChange(e.currentTarget.value)} />}
    </div>
  );
}
