import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { forget } from '../session/session';
import { SignInPage } from './SignInPage';
import { ssoFailure, ssoOffer, ssoStart } from './sso';

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** The gateway: only the named organisations offer single sign-on; every URL asked for is noted. */
function gateway(offers: Record<string, string | null>, asked: string[] = []) {
  vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
    const url = input instanceof Request ? input.url : String(input);
    asked.push(url);
    const tenant = /\/api\/auth\/sso\/([^/]+)$/.exec(url)?.[1];
    if (tenant !== undefined) {
      const id = decodeURIComponent(tenant);
      return answer(200, id in offers ? { offered: true, displayName: offers[id] } : { offered: false, displayName: null });
    }
    return answer(401, { status: 401 });
  }));
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
  forget();
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('single sign-on on the sign-in page', () => {
  it('offers the button once the organisation typed has single sign-on, and starts it at the gateway', async () => {
    const asked = gateway({ acme: 'Acme Okta' });
    const go = vi.fn();
    render(<I18nProvider initial="en"><SignInPage go={go} /></I18nProvider>);
    const organisation = screen.getByLabelText(/Organisation/);

    fireEvent.change(organisation, { target: { value: 'globex' } });
    await waitFor(() => expect(asked.some((url) => url.endsWith('/api/auth/sso/globex'))).toBe(true));
    expect(screen.queryByRole('button', { name: /single sign-on/ })).toBeNull();

    fireEvent.change(organisation, { target: { value: 'acme' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in with single sign-on (Acme Okta)' }));
    expect(go).toHaveBeenCalledWith('/api/auth/sso/acme/start');
    expect(window.localStorage.getItem('autocrm.tenant')).toBe('acme');
  });

  it('says in the reader’s language why a single sign-on failed and drops the reason from the address', async () => {
    gateway({});
    window.history.replaceState(null, '', '/?sso=not-permitted');
    render(<I18nProvider initial="de"><SignInPage go={vi.fn()} /></I18nProvider>);
    expect((await screen.findByRole('alert')).textContent).toContain('kein AutoCRM-Konto');
    expect(window.location.search).toBe('');
  });

  it('asks about the organisation without sending anything but its id, and shows no button when it cannot tell', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('offline'); }));
    expect(await ssoOffer('acme')).toEqual({ offered: false, displayName: null });
    expect(await ssoOffer('  ')).toEqual({ offered: false, displayName: null });
    expect(ssoStart(' a/b ')).toBe('/api/auth/sso/a%2Fb/start');
    expect(ssoFailure('?sso=expired')).toBe('sso.failed.expired');
    expect(ssoFailure('?sso=<script>')).toBe('sso.failed.failed');
    expect(ssoFailure('?next=/app')).toBeNull();
  });
});
