/** A list response, bare array or a page of `items` (so the client survives the API's pagination change). */
export function itemsOf<T>(body: unknown): T[] {
  if (Array.isArray(body)) return body as T[];
  const items = (body as { items?: T[] } | null)?.items;
  return Array.isArray(items) ? items : [];
}
