import { useState } from 'preact/hooks';
import type { User } from '../auth';
import { ApiProblem, get, post, query } from '../api';
import { go } from '../router';
import type { Loop, Member, SessionView } from '../types';
import { Page, ProblemBanner, useAction, useLoad } from '../ui';
import { itemsOf } from './lists';
import { LoopPicker } from './LoopPicker';

/** A coach schedules a coached session for a candidate of their firm. */
export function Schedule({ user }: { user: User }) {
  const loops = useLoad(() => get<unknown>('/api/loops').then((b) => itemsOf<Loop>(b)), []);
  // the firm's candidates; an older server without the members endpoint falls back to typing an id
  const members = useLoad(() => get<unknown>(`/api/firm/members${query({ role: 'candidate' })}`).then((b) => itemsOf<Member>(b))
    .catch((e) => { if (e instanceof ApiProblem && e.problem.status === 404) return null; throw e; }), []);
  const [loop, setLoop] = useState('');
  const [round, setRound] = useState('');
  const [candidate, setCandidate] = useState('');
  const [candidateName, setCandidateName] = useState('');
  const action = useAction();
  return (
    <Page title="Schedule a session">
      <p>You will interview as {user.name}. The candidate joins from their own sessions list.</p>
      <ProblemBanner error={loops.error ?? members.error ?? action.error} />
      <form class="card" onSubmit={(e) => {
        e.preventDefault();
        void action.run(async () => {
          const picked = members.data?.find((m) => m.id === candidate);
          const s = await post<SessionView>('/api/sessions', {
            mode: 'COACHED', loop, round: round ? Number(round) : undefined,
            candidateId: candidate, candidateName: picked?.username ?? (candidateName || undefined),
          });
          go(`/sessions/${s.id}`);
        });
      }}>
        {members.data ? (
          <label>Candidate
            <select required value={candidate} onChange={(e) => setCandidate(e.currentTarget.value)}>
              <option value="">Choose a candidate</option>
              {members.data.map((m) => <option value={m.id}>{m.username}{m.name && m.name !== m.username ? ` (${m.name})` : ''}</option>)}
            </select>
          </label>
        ) : (
          <>
            <label>Candidate id <input required value={candidate} onInput={(e) => setCandidate(e.currentTarget.value)} /></label>
            <label>Candidate name <input value={candidateName} onInput={(e) => setCandidateName(e.currentTarget.value)} /></label>
          </>
        )}
        <LoopPicker loops={loops.data} loop={loop} round={round} onChange={(l, r) => { setLoop(l); setRound(r); }} />
        <button type="submit" class="primary" disabled={action.busy}>Schedule</button>
      </form>
    </Page>
  );
}
