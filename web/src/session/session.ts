// The browser session. The access token lives in this module's memory only (never in localStorage or
// sessionStorage); the refresh token is an httpOnly SameSite=Strict cookie that the gateway sets and rotates,
// so page scripts can never read it. A page load restores the session by a cookie refresh, which carries the
// CSRF token from the readable autocrm_csrf cookie as X-CSRF-Token (double submit).

export const CSRF_COOKIE = 'autocrm_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';
/** Refresh this long before the access token expires, so a request never leaves with a dead one. */
const EARLY_MS = 60_000;

export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  type?: string;
  [extra: string]: unknown;
}

interface Held {
  token: string;
  expiresAt: number;
}

let held: Held | null = null;
let pending: Promise<boolean> | null = null;

export function accessToken(): string | null {
  return held?.token ?? null;
}

export function csrfToken(cookies: string = document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}

function keep(body: { accessToken?: string; expiresIn?: number }) {
  if (!body.accessToken) throw new Error('no access token in the answer');
  held = { token: body.accessToken, expiresAt: Date.now() + (body.expiresIn ?? 900) * 1000 };
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Problem;
    return { ...body, status: response.status };
  } catch {
    return { status: response.status };
  }
}

export type SignInResult = { ok: true } | { ok: false; problem: Problem };

export async function signIn(tenant: string, email: string, password: string, totp?: string): Promise<SignInResult> {
  const response = await fetch('/api/auth/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ tenant, email, password, ...(totp ? { totp } : {}) }),
  });
  if (!response.ok) return { ok: false, problem: await problemOf(response) };
  // the answer also names the refresh token for API clients; the browser keeps only the access token
  keep((await response.json()) as { accessToken: string; expiresIn: number });
  return { ok: true };
}

/** Opens the session of an emailed sign-in link (its token arrives in the address's fragment, never sent to a server log). */
export async function signInWithLink(token: string): Promise<SignInResult> {
  const response = await fetch('/api/auth/sign-in-link/confirm', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ token }),
  });
  if (!response.ok) return { ok: false, problem: await problemOf(response) };
  keep((await response.json()) as { accessToken: string; expiresIn: number });
  return { ok: true };
}

async function refreshByCookie(): Promise<boolean> {
  const csrf = csrfToken();
  if (!csrf) return false;
  const response = await fetch('/api/auth/refresh', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { [CSRF_HEADER]: csrf, Accept: 'application/json' },
  });
  if (!response.ok) {
    held = null;
    return false;
  }
  keep((await response.json()) as { accessToken: string; expiresIn: number });
  return true;
}

/**
 * A new access token from the refresh cookie. Tabs of one browser share the cookie and each refresh rotates it,
 * so refreshes are serialised across tabs (Web Locks): the second tab then sends the cookie the first one got.
 */
export function refresh(): Promise<boolean> {
  if (!pending) {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    const run = locks ? underLock(locks) : refreshByCookie();
    pending = run.finally(() => {
      pending = null;
    });
  }
  return pending;
}

async function underLock(locks: LockManager): Promise<boolean> {
  let refreshed = false;
  await locks.request('autocrm-refresh', async () => {
    refreshed = await refreshByCookie();
  });
  return refreshed;
}

/** A usable access token, refreshed first when it is about to expire; null when signed out. */
export async function currentToken(): Promise<string | null> {
  if (held && held.expiresAt - Date.now() > EARLY_MS) return held.token;
  return (await refresh()) ? accessToken() : null;
}

export async function signOut(): Promise<void> {
  const csrf = csrfToken();
  const token = accessToken();
  held = null;
  await fetch('/api/auth/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...(csrf ? { [CSRF_HEADER]: csrf } : {}), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  }).catch(() => undefined);
}

/** For tests. */
export function forget(): void {
  held = null;
  pending = null;
}
