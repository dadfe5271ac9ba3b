import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiProblem } from './api';

/** An API error as its problem+json title and detail, announced to screen readers. */
export function ProblemBanner({ error }: { error: unknown }) {
  if (!error) return null;
  const p = error instanceof ApiProblem ? error.problem : { title: 'Something went wrong', detail: String(error), status: 0 };
  return (
    <div class="problem" role="alert">
      <strong>{p.title}</strong>
      {p.detail && <p>{p.detail}</p>}
      {p.errors?.length ? <ul>{p.errors.map((e) => <li>{e.field ? `${e.field}: ` : ''}{e.message}</li>)}</ul> : null}
    </div>
  );
}

/** Loads once (and again on reload()), with the error kept for the banner. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: unknown; reload: () => void; set: (t: T) => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    load().then((d) => live && (setData(d), setError(null)), (e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { data, error, reload: useCallback(() => setTick((t) => t + 1), []), set: setData };
}

/** Runs an action, keeping its error and whether it is running (to disable the button). */
export function useAction(): { busy: boolean; error: unknown; run: (action: () => Promise<unknown>) => Promise<void>; clear: () => void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clear: () => setError(null) };
}

export function Page({ title, children }: { title: string; children: ComponentChildren }) {
  useEffect(() => {
    document.title = `${title} · Debrief`;
  }, [title]);
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>{title}</h1>
      {children}
    </section>
  );
}

export function Loading() {
  return <p aria-busy="true">Loading…</p>;
}

export function minutes(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function when(iso: string | null | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}

export function Level({ level }: { level: number }) {
  const rounded = Math.round(level * 10) / 10;
  return (
    <span class={`level level-${Math.round(level)}`} aria-label={`level ${rounded} of 4`}>
      {rounded}
    </span>
  );
}
