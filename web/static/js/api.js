// The public /v1 API, as the widgets call it. Nothing here is private to
// the dashboard: every call is a documented route of /openapi.json.

/** ApiError is a failed call: the API's error envelope, or a network failure. */
export class ApiError extends Error {
  constructor(status, code, message, requestId = '', retryAfter = '') {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.retryAfter = retryAfter;
  }
}

/** url builds a same-origin URL with the non-empty params (arrays repeat the key). */
export function url(path, params = {}) {
  const u = new URL(path, location.origin);
  for (const [k, v] of Object.entries(params)) {
    for (const x of Array.isArray(v) ? v : [v]) {
      if (x !== undefined && x !== null && x !== '') u.searchParams.append(k, String(x));
    }
  }
  return u;
}

async function send(u, init) {
  let res;
  try {
    res = await fetch(u, init);
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', `Cannot reach the API (${err.message}).`);
  }
  const text = await res.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const e = body && body.error;
    throw new ApiError(
      res.status,
      (e && e.code) || `http_${res.status}`,
      (e && e.message) || `${res.status} ${res.statusText}`,
      (e && e.request_id) || res.headers.get('X-Request-ID') || '',
      res.headers.get('Retry-After') || '',
    );
  }
  return body;
}

/** getJSON GETs path with query params and returns the decoded body. */
export function getJSON(path, params = {}, { signal } = {}) {
  return send(url(path, params), { headers: { Accept: 'application/json' }, signal });
}

/** postJSON POSTs body as JSON. */
export function postJSON(path, body, { signal, headers = {} } = {}) {
  return send(url(path), {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal,
  });
}

/**
 * getAll follows next_cursor from page to page (200 items each) until max
 * items; truncated says whether more were left.
 */
export async function getAll(path, params = {}, { max = 2000, signal } = {}) {
  const items = [];
  let cursor = '';
  for (;;) {
    const page = await getJSON(path, { ...params, limit: 200, cursor }, { signal });
    items.push(...page.items);
    cursor = page.next_cursor || '';
    if (!cursor) return { items, truncated: false };
    if (items.length >= max) return { items, truncated: true };
  }
}

// Reference data that many widgets need, fetched once per page.
let countriesP = null;
let topicsP = null;

/** countries returns a Map of ISO code to name, for the countries in the graph. */
export function countries() {
  countriesP ??= getJSON('/v1/countries').then(
    (b) => new Map(b.items.map((c) => [c.code, c])),
    (err) => {
      countriesP = null;
      throw err;
    },
  );
  return countriesP;
}

/** topics returns the taxonomy, parents before their subtopics. */
export function topics() {
  topicsP ??= getJSON('/v1/topics').then(
    (b) => b.items,
    (err) => {
      topicsP = null;
      throw err;
    },
  );
  return topicsP;
}
