import { useEffect, useRef, useState } from 'preact/hooks';
import { hasRole, type User } from '../auth';
import { ApiProblem, call, get } from '../api';
import { LiveFeed, type LiveState } from '../live';
import type { AnswerView, QuestionView, SessionView, TimelineEntry } from '../types';
import { Loading, Page, ProblemBanner, minutes, useAction } from '../ui';
import { AnswerForm } from './AnswerForm';
import { ScoredAnswer } from './ScoredAnswer';

interface Loaded {
  view: SessionView;
  etag: string;
  at: number; // performance.now() when serverTime was read: the clock runs on from there
}

/** One live session: the candidate answers, the coach interjects; both see every entry as it happens. */
export function SessionPage({ id, user }: { id: string; user: User }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [entries, setEntries] = useState<TimelineEntry[]>([]);
  const [live, setLive] = useState<LiveState>('connecting');
  const [answers, setAnswers] = useState<Record<number, AnswerView>>({});
  const [, tick] = useState(0);
  const action = useAction();

  const reload = async () => {
    try {
      const r = await call<SessionView>('GET', `/api/sessions/${id}`);
      setLoaded({ view: r.body, etag: r.etag ?? '', at: performance.now() });
      setError(null);
      return r.body;
    } catch (e) {
      setError(e);
      return null;
    }
  };
  const loadAnswer = async (index: number) => {
    try {
      const a = await get<AnswerView>(`/api/sessions/${id}/questions/${index}/answer`);
      setAnswers((all) => ({ ...all, [index]: a }));
    } catch (e) {
      if (!(e instanceof ApiProblem && e.problem.status === 404)) setError(e);
    }
  };

  useEffect(() => {
    setEntries([]);
    setAnswers({});
    let feed: LiveFeed | null = null;
    let closed = false;
    // the live feed opens once the session is known to be visible: no socket for a session the API refused
    void reload().then((v) => {
      if (!v || closed) return;
      v.questions.filter((q) => q.finishedAt).forEach((q) => void loadAnswer(q.index));
      feed = new LiveFeed(id, (entry) => {
        setEntries((all) => [...all, entry]);
        if (entry.type === 'answer-scored' || entry.type === 'answer-submitted') {
          const index = Number((entry.data as { questionIndex?: number }).questionIndex ?? NaN);
          if (!Number.isNaN(index)) void loadAnswer(index);
          else void reload().then((r) => r?.questions.filter((q) => q.finishedAt).forEach((q) => void loadAnswer(q.index)));
        }
        void reload();
      }, setLive);
      void feed.open();
    });
    const timer = setInterval(() => tick((t) => t + 1), 1000);
    return () => {
      closed = true;
      feed?.close();
      clearInterval(timer);
    };
  }, [id]);

  if (error && !loaded) return <Page title="Session"><ProblemBanner error={error} /></Page>;
  if (!loaded) return <Page title="Session"><Loading /></Page>;
  const { view } = loaded;
  const isCandidate = view.candidate.id === user.id;
  const isCoach = !isCandidate && (view.coach?.id === user.id || hasRole(user, 'firm-admin', 'admin'));
  const current = view.questions[view.currentQuestion] as QuestionView | undefined;
  const since = (performance.now() - loaded.at) / 1000;
  const running = view.status === 'IN_PROGRESS' && current?.running;
  const remaining = current ? current.remainingSeconds - (running ? since : 0) : 0;
  const lifecycle = (verb: string) => action.run(async () => {
    await call('POST', `/api/sessions/${id}/${verb}`, undefined, { 'If-Match': loaded.etag });
    await reload();
  });
  const interjections = entries.filter((e) => e.type === 'follow-up-asked' || e.type === 'constraint-introduced');
  const finished = view.status === 'COMPLETED' || view.status === 'ABANDONED' || view.status === 'EXPIRED';

  return (
    <Page title={`${view.loop ?? 'Session'} · ${view.candidate.name ?? 'candidate'}`}>
      <p class="meta">
        <span class={`status status-${view.status.toLowerCase()}`}>{view.status.replace('_', ' ').toLowerCase()}</span>
        {' · '}{view.mode === 'COACHED' ? `coached by ${view.coach?.name ?? 'a coach'}` : 'self-practice'}
        {' · '}<span class={`live live-${live}`}>{live === 'live' ? 'live' : live}</span>
      </p>
      <ProblemBanner error={error ?? action.error} />

      {current && view.status !== 'SCHEDULED' && !finished && (
        <div class="card question" aria-labelledby="current-question">
          <h2 id="current-question">Question {current.index + 1} of {view.questions.length}: {current.title}</h2>
          <p class="clock" role="timer" aria-live="off">
            {remaining >= 0 ? `${minutes(remaining)} left` : `${minutes(-remaining)} over time`}
            {view.status === 'PAUSED' && ' · paused'}
          </p>
          {current.prompt && <p class="prompt">{current.prompt}</p>}
        </div>
      )}

      <section aria-labelledby="interjections-title" class="card">
        <h2 id="interjections-title">From the interviewer</h2>
        <ul aria-live="polite" class="interjections">
          {interjections.length === 0 ? <li class="muted">Nothing yet.</li> : interjections.map((e) => (
            <li class={e.type}>
              <strong>{e.type === 'follow-up-asked' ? 'Follow-up' : 'Constraint'}:</strong>{' '}
              {String((e.data as { prompt?: string; text?: string }).prompt ?? (e.data as { text?: string }).text ?? '')}
            </li>
          ))}
        </ul>
      </section>

      {isCandidate && (
        <div class="actions row">
          {view.status === 'SCHEDULED' && <button type="button" class="primary" disabled={action.busy} onClick={() => void lifecycle('start')}>Start</button>}
          {view.status === 'IN_PROGRESS' && <button type="button" disabled={action.busy} onClick={() => void lifecycle('pause')}>Pause</button>}
          {view.status === 'PAUSED' && <button type="button" class="primary" disabled={action.busy} onClick={() => void lifecycle('resume')}>Resume</button>}
          {view.status === 'IN_PROGRESS' && current?.finishedAt && view.currentQuestion + 1 < view.questions.length &&
            <button type="button" class="primary" disabled={action.busy} onClick={() => void lifecycle('next')}>Next question</button>}
          {(view.status === 'IN_PROGRESS' || view.status === 'PAUSED') &&
            <button type="button" disabled={action.busy} onClick={() => void lifecycle('complete')}>Finish session</button>}
        </div>
      )}

      {isCandidate && view.status === 'IN_PROGRESS' && current && !current.finishedAt && (
        <AnswerForm key={current.index} sessionId={id} question={current} etag={loaded.etag}
          onSubmitted={async () => { await reload(); await loadAnswer(current.index); }} />
      )}

      {isCoach && !finished && <CoachPanel sessionId={id} />}

      <section aria-labelledby="answers-title">
        <h2 id="answers-title">Answers and scores</h2>
        {Object.keys(answers).length === 0 ? <p class="muted">No answer submitted yet.</p> :
          Object.values(answers).sort((a, b) => a.questionIndex - b.questionIndex).map((a) => (
            <ScoredAnswer answer={a} question={view.questions[a.questionIndex]} />
          ))}
      </section>

      {finished && (
        <p class="row">
          <a class="button primary" href={`#/debriefs/${id}`}>Read the debrief</a>
          {isCoach && <a class="button" href={`#/sessions/${id}/scorecard`}>File your scorecard</a>}
        </p>
      )}
      {isCoach && !finished && <p><a href={`#/sessions/${id}/scorecard`}>File your scorecard</a></p>}
    </Page>
  );
}

/** The coach's live controls: a follow-up or a changed constraint, pushed to the candidate at once. */
function CoachPanel({ sessionId }: { sessionId: string }) {
  const [text, setText] = useState('');
  const action = useAction();
  const input = useRef<HTMLTextAreaElement>(null);
  const send = (kind: 'follow-ups' | 'constraints') => action.run(async () => {
    await call('POST', `/api/sessions/${sessionId}/${kind}`, { text });
    setText('');
    input.current?.focus();
  });
  return (
    <form class="card coach" onSubmit={(e) => { e.preventDefault(); void send('follow-ups'); }}>
      <h2>Interviewer controls</h2>
      <ProblemBanner error={action.error} />
      <label>Follow-up or constraint
        <textarea ref={input} rows={2} required value={text} onInput={(e) => setText(e.currentTarget.value)}
          placeholder="But what if that data was noisy?" />
      </label>
      <div class="row">
        <button type="submit" class="primary" disabled={action.busy || !text.trim()}>Ask follow-up</button>
        <button type="button" disabled={action.busy || !text.trim()} onClick={() => void send('constraints')}>Change a constraint</button>
      </div>
    </form>
  );
}
