import type { Loop } from '../types';

/** A loop and, optionally, one of its rounds: the same pair of fields wherever a session is started. */
export function LoopPicker({ loops, loop, round, onChange }: {
  loops: Loop[] | null; loop: string; round: string; onChange: (loop: string, round: string) => void;
}) {
  const chosen = loops?.find((l) => l.slug === loop);
  return (
    <>
      <label>Loop
        <select required value={loop} onChange={(e) => onChange(e.currentTarget.value, '')}>
          <option value="">Choose a loop</option>
          {loops?.map((l) => <option value={l.slug}>{l.title}</option>)}
        </select>
      </label>
      <label>Round
        <select value={round} onChange={(e) => onChange(loop, e.currentTarget.value)} disabled={!chosen}>
          <option value="">Every round</option>
          {chosen?.rounds.map((r) => <option value={r.position}>{r.position}. {r.name} ({r.minutes} min)</option>)}
        </select>
      </label>
    </>
  );
}
