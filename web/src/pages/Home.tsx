import { useState } from 'preact/hooks';
import { hasRole, type User } from '../auth';
import { get, post } from '../api';
import { go } from '../router';
import type { Loop, SessionSummary, SessionView } from '../types';
import { Loading, Page, ProblemBanner, useAction, useLoad, when } from '../ui';
import { itemsOf } from './lists';
import { LoopPicker } from './LoopPicker';

export function Home({ user }: { user: User }) {
  const sessions = useLoad(() => get<unknown>('/api/sessions').then((b) => itemsOf<SessionSummary>(b)), []);
  const coach = hasRole(user, 'coach', 'firm-admin');
  return (
    <Page title={coach ? 'Sessions' : 'Your sessions'}>
      {hasRole(user, 'candidate') && <SelfPractice />}
      {coach && <p><a class="button" href="#/schedule">Schedule a session</a></p>}
      <ProblemBanner error={sessions.error} />
      {!sessions.data && !sessions.error ? <Loading /> : sessions.data && (
        sessions.data.length === 0 ? <p>No sessions yet.</p> : (
          <table class="list">
            <caption class="sr-only">Sessions, newest first</caption>
            <thead><tr><th scope="col">Created</th><th scope="col">Loop</th><th scope="col">Mode</th><th scope="col">Status</th><th scope="col">Open</th></tr></thead>
            <tbody>
              {[...sessions.data].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((s) => (
                <tr>
                  <td>{when(s.createdAt)}</td>
                  <td>{s.loop ?? 'hand-picked'}</td>
                  <td>{s.mode === 'COACHED' ? 'coached' : 'self-practice'}</td>
                  <td><span class={`status status-${s.status.toLowerCase()}`}>{s.status.replace('_', ' ').toLowerCase()}</span></td>
                  <td>
                    <a href={`#/sessions/${s.id}`} aria-label={`Open session of ${when(s.createdAt)}`}>Session</a>
                    {(s.status === 'COMPLETED') && <> · <a href={`#/debriefs/${s.id}`} aria-label={`Debrief of ${when(s.createdAt)}`}>Debrief</a></>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
    </Page>
  );
}

/** A candidate starts practising alone: a loop, optionally one of its rounds. */
export function SelfPractice() {
  const loops = useLoad(() => get<unknown>('/api/loops').then((b) => itemsOf<Loop>(b)), []);
  const [loop, setLoop] = useState('');
  const [round, setRound] = useState('');
  const action = useAction();
  return (
    <form class="card" onSubmit={(e) => {
      e.preventDefault();
      void action.run(async () => {
        const s = await post<SessionView>('/api/sessions', { mode: 'SELF_PRACTICE', loop, round: round ? Number(round) : undefined });
        go(`/sessions/${s.id}`);
      });
    }}>
      <h2>Practise on your own</h2>
      <ProblemBanner error={loops.error ?? action.error} />
      <div class="row">
        <LoopPicker loops={loops.data} loop={loop} round={round} onChange={(l, r) => { setLoop(l); setRound(r); }} />
        <button type="submit" class="primary" disabled={action.busy || !loop}>Start practising</button>
      </div>
    </form>
  );
}
