import type { AnswerView, Evidence, QuestionView } from '../types';
import { Level } from '../ui';

/** The answer with every quoted piece of evidence marked, and the scores beside it. */
export function ScoredAnswer({ answer, question }: { answer: AnswerView; question?: QuestionView }) {
  const spans = answer.scores.flatMap((s) => s.dimensions.flatMap((d) => d.evidence.filter((e) => !e.pointer)));
  return (
    <article class="card answer" aria-label={`Answer to question ${answer.questionIndex + 1}`}>
      <h3>Question {answer.questionIndex + 1}{question ? `: ${question.title}` : ''}</h3>
      {answer.text ? <p class="answer-text">{highlight(answer.text, spans)}</p> : <p class="muted">A structured answer.</p>}
      {answer.scores.length === 0 ? <p class="muted" aria-live="polite">Waiting for the score…</p> : answer.scores.map((score) => (
        <div class="score" aria-live="polite">
          <p><strong>{score.scorerKind === 'AUTOMATED' || score.scorer.startsWith('auto') ? 'Automated score' : `Score by ${score.scorer}`}</strong> · overall <Level level={score.overall} /> · rubric {score.rubric}</p>
          <table class="dimensions">
            <thead><tr><th scope="col">Dimension</th><th scope="col">Level</th><th scope="col">Feedback</th></tr></thead>
            <tbody>
              {score.dimensions.map((d) => (
                <tr>
                  <th scope="row">{d.key.replace(/-/g, ' ')}</th>
                  <td><Level level={d.level} /></td>
                  <td>{d.feedback}{d.evidence.length > 0 && <ul class="quotes">{d.evidence.map((e) => <li><q>{e.quote}</q></li>)}</ul>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </article>
  );
}

/** Splits the text at the evidence offsets: overlapping spans merge into one mark. */
export function highlight(text: string, evidence: Evidence[]) {
  const ranges = evidence.filter((e) => e.start >= 0 && e.end <= text.length && e.start < e.end)
    .map((e) => [e.start, e.end] as [number, number]).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  const out = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) out.push(text.slice(at, start));
    out.push(<mark class="evidence">{text.slice(start, end)}</mark>);
    at = end;
  }
  out.push(text.slice(at));
  return out;
}
