import { get } from '../api';
import type { Progress } from '../types';
import { Level, Loading, Page, ProblemBanner, useLoad, when } from '../ui';

/** Progress over time, per dimension: a small line chart each, with the figures in a table for everyone. */
export function ProgressPage() {
  const progress = useLoad(() => get<Progress>('/api/progress/me'), []);
  const p = progress.data;
  return (
    <Page title="Your progress">
      <ProblemBanner error={progress.error} />
      {!p && !progress.error ? <Loading /> : p && (
        p.dimensions.length === 0 ? <p>Finish a session to see your progress.</p> : (
          <>
            <p>{p.sessions} scored session{p.sessions === 1 ? '' : 's'}.</p>
            <ul class="cards">
              {p.dimensions.map((d) => (
                <li class="card">
                  <h2>{d.dimension.replace(/-/g, ' ')}</h2>
                  <Spark points={d.points.map((x) => x.level)} label={d.dimension} />
                  <p>Latest <Level level={d.points[d.points.length - 1]?.level ?? 0} />
                    {d.change !== null && <> · change {d.change > 0 ? '+' : ''}{Math.round(d.change * 10) / 10}</>}</p>
                  <details><summary>Figures</summary>
                    <table><thead><tr><th scope="col">When</th><th scope="col">Level</th></tr></thead>
                      <tbody>{d.points.map((x) => <tr><td>{when(x.at)}</td><td>{x.level}</td></tr>)}</tbody></table>
                  </details>
                </li>
              ))}
            </ul>
          </>
        )
      )}
    </Page>
  );
}

function Spark({ points, label }: { points: number[]; label: string }) {
  const w = 220, h = 60;
  const x = (i: number) => (points.length < 2 ? w / 2 : (i / (points.length - 1)) * (w - 10) + 5);
  const y = (v: number) => h - 5 - ((v - 1) / 3) * (h - 10);
  return (
    <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label={`${label}: ${points.join(', ')}`}>
      <polyline fill="none" stroke="currentColor" stroke-width="2" points={points.map((v, i) => `${x(i)},${y(v)}`).join(' ')} />
      {points.map((v, i) => <circle cx={x(i)} cy={y(v)} r="3" fill="currentColor" />)}
    </svg>
  );
}
