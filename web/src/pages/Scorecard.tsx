import { useState } from 'preact/hooks';
import { get, post } from '../api';
import type { Rubric, SessionView } from '../types';
import { Loading, Page, ProblemBanner, useAction, useLoad } from '../ui';

const RECOMMENDATIONS = ['STRONG_NO', 'NO', 'YES', 'STRONG_YES'];

/** A coach's scorecard for one round: a level per rubric dimension, notes and a recommendation. */
export function ScorecardPage({ sessionId }: { sessionId: string }) {
  const session = useLoad(() => get<SessionView>(`/api/sessions/${sessionId}`), [sessionId]);
  const [round, setRound] = useState<number | null>(null);
  const rounds = session.data?.rounds ?? [];
  const position = round ?? rounds[0]?.position ?? null;
  const first = session.data?.questions.find((q) => q.roundPosition === position);
  // the round's rubric is the one its questions are scored with (the catalog names it)
  const rubric = useLoad(async () => first
    ? (await get<{ content: { rubric: string } }>(`/api/questions/${first.questionId}/versions/${first.questionVersion}`)).content.rubric
    : null, [first?.questionId, first?.questionVersion]);
  const rubricSlug = rubric.data;
  return (
    <Page title="Scorecard">
      <ProblemBanner error={session.error ?? rubric.error} />
      {!session.data ? (!session.error && <Loading />) : (
        <>
          <p><a href={`#/sessions/${sessionId}`}>Back to the session</a> · {session.data.candidate.name}</p>
          <label>Round
            <select value={position ?? ''} onChange={(e) => setRound(Number(e.currentTarget.value))}>
              {rounds.map((r) => <option value={r.position}>{r.position}. {r.name}</option>)}
            </select>
          </label>
          {rubricSlug ? <ScorecardForm key={`${position}-${rubricSlug}`} sessionId={sessionId} roundPosition={position!} rubricSlug={rubricSlug} />
            : <Loading />}
        </>
      )}
    </Page>
  );
}

function ScorecardForm({ sessionId, roundPosition, rubricSlug }: { sessionId: string; roundPosition: number; rubricSlug: string }) {
  const rubric = useLoad(() => get<Rubric>(`/api/rubrics/${encodeURIComponent(rubricSlug)}`), [rubricSlug]);
  const [levels, setLevels] = useState<Record<string, number>>({});
  const [notes, setNotes] = useState('');
  const [recommendation, setRecommendation] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  const action = useAction();
  if (!rubric.data) return rubric.error ? <ProblemBanner error={rubric.error} /> : <Loading />;
  const dims = rubric.data.definition.dimensions;
  return (
    <form class="card" onSubmit={(e) => {
      e.preventDefault();
      void action.run(async () => {
        const card = await post<{ version: number }>('/api/scorecards', {
          sessionId, roundPosition, recommendation, notes: notes || undefined,
          dimensions: dims.map((d) => ({ key: d.key, level: levels[d.key] })),
        });
        setSaved(card.version);
      });
    }}>
      <h2>{rubric.data.definition.title}</h2>
      <ProblemBanner error={action.error} />
      {dims.map((d) => (
        <fieldset class="levels">
          <legend>{d.name}</legend>
          {[1, 2, 3, 4].map((l) => (
            <label class="check"><input type="radio" required name={d.key} checked={levels[d.key] === l}
              onChange={() => setLevels({ ...levels, [d.key]: l })} /> {l}</label>
          ))}
        </fieldset>
      ))}
      <label>Notes <textarea rows={3} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} /></label>
      <label>Recommendation
        <select required value={recommendation} onChange={(e) => setRecommendation(e.currentTarget.value)}>
          <option value="">Choose</option>
          {RECOMMENDATIONS.map((r) => <option value={r}>{r.replace('_', ' ').toLowerCase()}</option>)}
        </select>
      </label>
      <button type="submit" class="primary" disabled={action.busy}>File scorecard</button>
      {saved !== null && <p role="status" class="saved">Scorecard filed (version {saved}).</p>}
    </form>
  );
}
