import { ApiError, type Problem } from './problem';

/** Supplies the access token (refreshed when close to expiry) and the UI language for every call. */
export interface ApiContext {
  token: () => Promise<string | undefined>;
  language: () => string;
  onUnauthorized?: () => void;
}

let context: ApiContext = { token: async () => undefined, language: () => 'zh-CN' };

export function configureApi(next: ApiContext): void {
  context = next;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Sends If-Match: "version" for optimistic locking. */
  version?: number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export async function authHeaders(): Promise<Record<string, string>> {
  const headers: Record<string, string> = { 'Accept-Language': context.language() };
  const token = await context.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}

/** Calls the marketplace API; a non-2xx answer becomes an ApiError carrying the problem+json. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    ...(await authHeaders()),
    ...options.headers,
  };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (options.version !== undefined) headers['If-Match'] = `"${options.version}"`;
  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? 'GET', headers, body, signal: options.signal });
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new ApiError(0, { title: 'offline', detail: String(error) });
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  if (!response.ok) {
    let problem: Problem = { status: response.status };
    if (type.includes('json')) {
      try { problem = (await response.json()) as Problem; } catch { /* keep the status */ }
    }
    if (response.status === 401) context.onUnauthorized?.();
    const retry = Number(response.headers.get('Retry-After'));
    throw new ApiError(response.status, problem, Number.isFinite(retry) && retry > 0 ? retry : undefined);
  }
  if (type.includes('json')) return (await response.json()) as T;
  return (await response.text()) as T;
}

/** Reads a Server-Sent Events stream with the bearer token (EventSource cannot send headers). */
export async function followEvents(
  path: string,
  onEvent: (event: string, data: string) => void,
  signal: AbortSignal,
  onOpen?: () => void,
): Promise<void> {
  const response = await fetch(path, { headers: { Accept: 'text/event-stream', ...(await authHeaders()) }, signal });
  if (!response.ok || !response.body) throw new ApiError(response.status, { status: response.status });
  onOpen?.();
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length > 0) onEvent(event, data.join('\n'));
    }
  }
}
