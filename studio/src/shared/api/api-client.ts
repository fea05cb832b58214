import { ApiError, type ErrorDetail } from './api-error';

/**
 * The one way the studio talks to the engine: same-origin fetch with the session cookie, the CSRF
 * token (kept in memory only, fetched again from /auth/me after a reload) on every call that
 * changes data, and the API's errors turned into ApiError.
 */
let csrfToken: string | undefined;
let serverLanguage = 'en';
const sessionEndedListeners = new Set<() => void>();

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The language the server writes labels and messages in: the UI's (it speaks en, zh-CN and zh-TW). */
export function setServerLanguage(language: string): void {
  serverLanguage = language;
}

/**
 * The address of a file the browser downloads through a plain link (an export, an error file, a
 * print): a link sends the browser's Accept-Language, not the app's, so the server is told the
 * app's language in the query, for the file's headers, labels and messages.
 */
export function downloadHref(path: string, params: URLSearchParams = new URLSearchParams()): string {
  const query = new URLSearchParams(params);
  query.set('lang', serverLanguage);
  return `${path}?${query.toString()}`;
}

/** Called when an authenticated call answers 401: the session expired or was ended elsewhere. */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
}

/** Paths are relative to /api/v1. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': serverLanguage, ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(`/api/v1${path}${queryString(options.query)}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body as T;
  const error = apiError(response.status, body);
  if (response.status === 401 && path !== '/auth/login' && path !== '/auth/me') sessionEndedListeners.forEach((listener) => listener());
  throw error;
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function apiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  const details = Array.isArray(error?.details) ? (error.details as ErrorDetail[]).filter((detail) => typeof detail?.message === 'string') : [];
  const message = typeof error?.message === 'string' ? error.message : `The server answered ${status}.`;
  return new ApiError(status, typeof error?.code === 'string' ? error.code : 'http_error', message, details);
}

/**
 * Sends a file as the raw request body (its type as Content-Type, its name in X-File-Name), with
 * upload progress, which fetch does not report. Errors as api() throws them.
 */
export function uploadFile<T>(path: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/v1${path}`);
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Accept-Language', serverLanguage);
    request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    if (csrfToken) request.setRequestHeader('X-CSRF-Token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new Error('The connection to the server failed.'));
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) return resolve(body as T);
      if (request.status === 401) sessionEndedListeners.forEach((listener) => listener());
      reject(apiError(request.status, body));
    };
    request.send(file);
  });
}
