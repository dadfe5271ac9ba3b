import { useEffect, useState } from 'preact/hooks';
import { accessToken } from '../auth';
import { get } from '../api';
import type { Debrief, DebriefPoint } from '../types';
import { Level, Loading, Page, ProblemBanner, useLoad } from '../ui';

const VERDICT: Record<string, string> = { STRONG_YES: 'Strong yes', YES: 'Yes', NO: 'No', STRONG_NO: 'Strong no' };

/** The hiring-committee view: recommendation, per-dimension results, strengths, concerns, one thing to change. */
export function DebriefPage({ sessionId }: { sessionId: string }) {
  const debrief = useLoad(() => get<Debrief>(`/api/debriefs/${sessionId}`), [sessionId]);
  const d = debrief.data;
  return (
    <Page title="Debrief">
      <ProblemBanner error={debrief.error} />
      {!d && !debrief.error ? <Loading /> : d && (
        <>
          <div class={`card verdict verdict-${d.recommendation.toLowerCase()}`}>
            <p class="big">{VERDICT[d.recommendation] ?? d.recommendation}</p>
            <p>Overall <Level level={d.overall} /> of 4 · {d.candidate}</p>
            <details><summary>How the panel decides</summary><p>{d.decisionRule}</p></details>
          </div>
          {d.oneThingToChange && (
            <div class="card one-thing">
              <h2>The one thing to change</h2>
              <PointView point={d.oneThingToChange} />
            </div>
          )}
          <Chart sessionId={sessionId} />
          {d.rounds.map((r) => (
            <section class="card" aria-labelledby={`round-${r.roundPosition}`}>
              <h2 id={`round-${r.roundPosition}`}>Round {r.roundPosition} · {r.rubric} · <Level level={r.overall} /></h2>
              <table class="dimensions">
                <thead><tr><th scope="col">Dimension</th><th scope="col">Panel level</th><th scope="col">By scorer</th><th scope="col">Feedback</th></tr></thead>
                <tbody>
                  {r.dimensions.map((dim) => (
                    <tr>
                      <th scope="row">{dim.name}</th>
                      <td><Level level={dim.level} /><Bar level={dim.level} /></td>
                      <td>{Object.entries(dim.byScorer).map(([s, l]) => `${s}: ${l}`).join(', ')}</td>
                      <td>{dim.feedback}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ))}
          <div class="two">
            <section class="card"><h2>Strengths</h2>{d.strengths.length ? <ul>{d.strengths.map((p) => <li><PointView point={p} /></li>)}</ul> : <p class="muted">None stood out yet.</p>}</section>
            <section class="card"><h2>Concerns</h2>{d.concerns.length ? <ul>{d.concerns.map((p) => <li><PointView point={p} /></li>)}</ul> : <p class="muted">None.</p>}</section>
          </div>
          {d.dissent.length > 0 && (
            <section class="card"><h2>Where scorers disagree</h2>
              <ul>{d.dissent.map((x) => <li>Round {x.roundPosition}, {x.dimension}: {Object.entries(x.levels).map(([s, l]) => `${s} ${l}`).join(' vs ')}. {x.note}</li>)}</ul>
            </section>
          )}
        </>
      )}
    </Page>
  );
}

function PointView({ point }: { point: DebriefPoint }) {
  return (
    <p><strong>{point.dimension}</strong> (round {point.roundPosition}, level {point.level}): {point.feedback}
      {point.evidence && <> <q>{point.evidence}</q></>}</p>
  );
}

function Bar({ level }: { level: number }) {
  return <span class="bar" aria-hidden="true"><span style={{ width: `${(level / 4) * 100}%` }} /></span>;
}

/** The server's chart, fetched with the token and shown as an image (never inlined: it stays inert). */
function Chart({ sessionId }: { sessionId: string }) {
  const [src, setSrc] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let url: string | null = null;
    void (async () => {
      const response = await fetch(`/api/debriefs/${sessionId}/radar.svg`, { headers: { Authorization: `Bearer ${await accessToken()}` } });
      if (!response.ok) return setFailed(true);
      url = URL.createObjectURL(new Blob([await response.text()], { type: 'image/svg+xml' }));
      setSrc(url);
    })().catch(() => setFailed(true));
    return () => { if (url) URL.revokeObjectURL(url); };
  }, [sessionId]);
  if (failed) return null;
  return (
    <figure class="card chart">
      {src ? <img src={src} alt="Chart of the panel's level on each rubric dimension; the tables below give the same figures." /> : <p aria-busy="true">Drawing the chart…</p>}
      <figcaption>Panel level per dimension (1–4)</figcaption>
    </figure>
  );
}
