/**
 * The API as the web app calls it: same origin, the session cookie, and the CSRF token (from sign-in or
 * GET /api/v1/session) on every change. Errors arrive as RFC 9457 problem details in both languages.
 */

export interface FieldProblem {
  field: string;
  message_zh: string;
  message_en: string;
}

/** A problem the API answered (or the network failing), with its message in both languages. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly detailZh: string,
    readonly detailEn: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(detailEn);
  }

  /** The message in the language shown. */
  message_(language: string): string {
    return language.startsWith('en') ? this.detailEn : this.detailZh;
  }
}

let csrfToken: string | undefined;

/** Kept from sign-in (or the session read on load) for every POST, PUT, PATCH and DELETE. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

async function problemOf(response: Response): Promise<ApiProblem> {
  try {
    const body = await response.json();
    return new ApiProblem(
      response.status,
      String(body.detail ?? body.title ?? response.statusText),
      String(body.detail_en ?? body.title_en ?? response.statusText),
      Array.isArray(body.errors) ? body.errors : [],
    );
  } catch {
    return new ApiProblem(
      response.status,
      `伺服器回應 ${response.status}`,
      `the server answered ${response.status}`,
    );
  }
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  extra: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...extra };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiProblem(0, '無法連線至伺服器，請稍後再試', 'cannot reach the server; try again later');
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

export async function apiGet<T>(path: string): Promise<T> {
  return (await call('GET', path)).json() as Promise<T>;
}

export async function apiSend<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: { idempotencyKey?: string } = {},
): Promise<T> {
  // A key makes a retry (a double click, a lost answer) return the first result instead of a second record.
  const extra: Record<string, string> = options.idempotencyKey
    ? { 'idempotency-key': options.idempotencyKey }
    : {};
  const response = await call(method, path, body ?? (method === 'DELETE' ? undefined : {}), extra);
  if (response.status === 204) return undefined as T;
  return response.json() as Promise<T>;
}

/** A query string from the defined values. */
export function query(values: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A fresh idempotency key (random; `crypto.randomUUID` exists only on secure origins). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
