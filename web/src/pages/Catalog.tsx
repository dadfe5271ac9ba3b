import { useState } from 'preact/hooks';
import { get, query } from '../api';
import type { Loop, QuestionPage } from '../types';
import { Loading, Page, ProblemBanner, useLoad } from '../ui';
import { itemsOf } from './lists';

const FACETS: [string, string][] = [['category', 'Category'], ['difficulty', 'Difficulty'], ['role', 'Role'], ['answerFormat', 'Answer format']];

/** Loops and the question catalog: search, facets with counts, pages. */
export function Catalog() {
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [page, setPage] = useState(0);
  const loops = useLoad(() => get<unknown>('/api/loops').then((b) => itemsOf<Loop>(b)), []);
  const questions = useLoad(() => get<QuestionPage>(`/api/questions${query({ q, page, size: 20, ...filters })}`),
    [q, page, JSON.stringify(filters)]);
  const pick = (facet: string, value: string) => {
    setFilters((f) => ({ ...f, [facet]: f[facet] === value ? '' : value }));
    setPage(0);
  };
  const data = questions.data;
  return (
    <Page title="Catalog">
      <h2>Loops</h2>
      <ProblemBanner error={loops.error} />
      <ul class="cards">
        {loops.data?.map((l) => (
          <li class="card">
            <h3>{l.title}</h3>
            <p>{l.company ? `${l.company} · ` : ''}{l.totalMinutes} min</p>
            <ol>{l.rounds.map((r) => <li>{r.name} · {r.minutes} min</li>)}</ol>
          </li>
        ))}
      </ul>
      <h2>Questions</h2>
      <form role="search" class="row" onSubmit={(e) => { e.preventDefault(); setQ(text); setPage(0); }}>
        <label>Search questions
          <input type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder="retention -churn" />
        </label>
        <button type="submit">Search</button>
      </form>
      <ProblemBanner error={questions.error} />
      {!data && !questions.error ? <Loading /> : data && (
        <div class="catalog">
          <aside aria-label="Filters">
            {FACETS.map(([facet, label]) => (
              <fieldset>
                <legend>{label}</legend>
                {Object.entries(data.facets?.[facet] ?? {}).filter(([, n]) => n > 0).map(([value, n]) => (
                  <label class="check">
                    <input type="checkbox" checked={filters[facet] === value} onChange={() => pick(facet, value)} />
                    {value.replace(/_/g, ' ').toLowerCase()} <span class="count">({n})</span>
                  </label>
                ))}
              </fieldset>
            ))}
          </aside>
          <div>
            <p aria-live="polite">{data.total} question{data.total === 1 ? '' : 's'}</p>
            <ul class="results">
              {data.items.map((item) => (
                <li>
                  <h3>{item.title}</h3>
                  <p class="meta">{item.category.replace(/_/g, ' ').toLowerCase()} · {item.difficulty?.toLowerCase()} · {Math.round(item.timeBudgetSeconds / 60)} min</p>
                  {item.excerpt && <p>{item.excerpt}{/[.!?)]$/.test(item.excerpt) ? "" : "…"}</p>}
                </li>
              ))}
            </ul>
            <nav aria-label="Pages" class="row">
              <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>Previous</button>
              <span>Page {page + 1} of {Math.max(1, Math.ceil(data.total / data.size))}</span>
              <button type="button" disabled={(page + 1) * data.size >= data.total} onClick={() => setPage(page + 1)}>Next</button>
            </nav>
          </div>
        </div>
      )}
    </Page>
  );
}
