/** Reads the API; a failed answer becomes an ApiError carrying the server's message. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

export async function get<T>(path: string, params: Record<string, string | number | undefined> = {}): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  const res = await fetch(`/api/${path}${s ? `?${s}` : ''}`, { headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => null) as { error?: { message?: string } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.message ?? `${res.status} ${res.statusText}`);
  return body as T;
}

export const seg = (s: string) => encodeURIComponent(s);
