import { hasRole, type User } from '../auth';
import { get } from '../api';
import type { Calibration } from '../types';
import { Loading, Page, ProblemBanner, useLoad } from '../ui';

/** How a scorer compares with the panel: leniency (mean difference) and agreement (Cohen's kappa, Krippendorff's alpha). */
export function CalibrationPage({ user }: { user: User }) {
  // a firm admin sees the whole panel; a coach sees their own figures over the items they rated
  const whole = hasRole(user, 'firm-admin');
  const report = useLoad(() => get<Calibration>(whole ? '/api/calibration' : '/api/calibration/me'), [whole]);
  const r = report.data;
  const mine = (name: string) => name === user.name || name === user.id;
  return (
    <Page title="Calibration">
      <ProblemBanner error={report.error} />
      {!r && !report.error ? <Loading /> : r && (
        <>
          <p>{whole ? '' : 'Over the items you rated: '}{r.items} items rated {r.ratings} times by {r.scorers.length} scorers. Panel agreement (Krippendorff's alpha): {r.alpha === null ? 'not enough overlap yet' : r.alpha.toFixed(2)}.</p>
          <h2>Leniency against the panel</h2>
          <table class="list">
            <thead><tr><th scope="col">Scorer</th><th scope="col">Items</th><th scope="col">Leniency</th></tr></thead>
            <tbody>{r.leniency.length === 0 && <tr><td colSpan={3}>No shared items yet: file a scorecard on a scored session.</td></tr>}{r.leniency.map((l) => (
              <tr class={mine(l.scorer) ? 'mine' : ''}>
                <th scope="row">{l.scorer}{mine(l.scorer) && ' (you)'}</th><td>{l.items}</td>
                <td>{l.leniency > 0 ? '+' : ''}{l.leniency.toFixed(2)} {Math.abs(l.leniency) < 0.25 ? '(in line)' : l.leniency > 0 ? '(lenient)' : '(harsh)'}</td>
              </tr>))}
            </tbody>
          </table>
          <h2>Agreement between pairs</h2>
          <table class="list">
            <thead><tr><th scope="col">Scorers</th><th scope="col">Shared items</th><th scope="col">Kappa</th></tr></thead>
            <tbody>{r.pairs.map((p) => (
              <tr class={mine(p.scorerA) || mine(p.scorerB) ? 'mine' : ''}><th scope="row">{p.scorerA} · {p.scorerB}</th><td>{p.items}</td><td>{p.kappa === null ? '—' : p.kappa.toFixed(2)}</td></tr>))}
            </tbody>
          </table>
        </>
      )}
    </Page>
  );
}
