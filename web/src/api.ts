import { accessToken } from './auth';
import type { Problem } from './types';

/** An error the API answered with: its problem+json title and detail are what the user sees. */
export class ApiProblem extends Error {
  /** The error response's JSON body as sent (a report, for instance, when it is not a problem document). */
  constructor(readonly problem: Problem, readonly body: unknown = null) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
  }
}

export interface Sent<T> {
  body: T;
  etag: string | null;
  headers: Headers;
}

/** One call through the gateway (same origin): the token, JSON in and out, problem+json as ApiProblem. */
export async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Sent<T>> {
  const init: RequestInit = {
    method,
    headers: { Authorization: `Bearer ${await accessToken()}`, Accept: 'application/json', ...headers },
  };
  if (body !== undefined) {
    if (typeof body === 'string') {
      init.body = body;
    } else {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    }
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiProblem({ title: 'Network error', status: 0, detail: 'The server could not be reached. Check your connection.' });
  }
  if (!response.ok) {
    const [problem, raw] = await problemOf(response);
    throw new ApiProblem(problem, raw);
  }
  const type = response.headers.get('Content-Type') ?? '';
  const parsed = response.status === 204 ? undefined : type.includes('json') ? await response.json() : await response.text();
  return { body: parsed as T, etag: response.headers.get('ETag'), headers: response.headers };
}

async function problemOf(response: Response): Promise<[Problem, unknown]> {
  const type = response.headers.get('Content-Type') ?? '';
  let raw: unknown = null;
  if (type.includes('json')) {
    try {
      raw = await response.json();
      const p = raw as Problem;
      if (p && p.title) return [{ ...p, status: p.status ?? response.status }, raw];
    } catch {
      // fall through to the status line
    }
  }
  return [{ title: response.statusText || `HTTP ${response.status}`, status: response.status }, raw];
}

export const get = <T>(path: string) => call<T>('GET', path).then((r) => r.body);
export const post = <T>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('POST', path, body, headers).then((r) => r.body);

/** A query string from the set values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}
