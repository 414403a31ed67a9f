// Single sign-on from the sign-in page: whether the organisation typed offers it, where the browser goes to start it,
// and what a failed attempt (the gateway sends the browser back with ?sso=<reason>) tells the person.
import type { Schemas } from '../api/client';
import type { MessageKey } from '../i18n/messages.en';

export type SsoOffer = Schemas['SsoOffer'];

const NONE: SsoOffer = { offered: false, displayName: null };
const REASONS = ['expired', 'refused', 'not-permitted', 'not-configured', 'unavailable'] as const;

/**
 * Whether the organisation offers single sign-on. A plain request, not the API client: the page has no session to
 * refresh, and this runs while the person types.
 */
export async function ssoOffer(tenant: string, signal?: AbortSignal): Promise<SsoOffer> {
  const id = tenant.trim();
  if (!id) return NONE;
  try {
    const response = await fetch(`/api/auth/sso/${encodeURIComponent(id)}`, {
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      signal,
    });
    if (!response.ok) return NONE;
    const body = (await response.json()) as Partial<SsoOffer>;
    return body.offered === true ? { offered: true, displayName: body.displayName ?? null } : NONE;
  } catch {
    return NONE; // no button rather than a broken page; the password sign-in is still there
  }
}

/** The gateway's start of the sign-in at the organisation's provider (a page navigation, not a request). */
export function ssoStart(tenant: string): string {
  return `/api/auth/sso/${encodeURIComponent(tenant.trim())}/start`;
}

/** The message for a failed single sign-on the address reports (?sso=...), or null when it reports none. */
export function ssoFailure(search: string): MessageKey | null {
  const reason = new URLSearchParams(search).get('sso');
  if (reason === null) return null;
  return (REASONS as readonly string[]).includes(reason) ? `sso.failed.${reason as (typeof REASONS)[number]}` : 'sso.failed.failed';
}
