import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { accessToken, forget } from '../session/session';
import { safeNext, SignInPage } from './SignInPage';

function fillIn() {
  fireEvent.change(screen.getByLabelText(/Organisation/), { target: { value: 'acme' } });
  fireEvent.change(screen.getByLabelText(/E-?[Mm]ail/), { target: { value: 'sarah@acme.example' } });
  fireEvent.change(screen.getByLabelText(/Passwor/), { target: { value: 'pw' } });
}

function answer(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
  forget();
  window.localStorage.clear();
});

describe('the sign-in page', () => {
  it('never redirects to another origin after signing in', () => {
    expect(safeNext('/app/tickets/1')).toBe('/app/tickets/1');
    expect(safeNext('//evil.example/')).toBeNull();
    expect(safeNext('https://evil.example/')).toBeNull();
    expect(safeNext('/\\evil.example')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });

  it('signs a customer in, keeps the token in memory only and goes to the portal', async () => {
    const calls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL) => {
      const url = input instanceof Request ? input.url : String(input);
      calls.push(url);
      if (url.endsWith('/api/auth/login')) return answer(200, { accessToken: 'jwt-1', refreshToken: 'r', expiresIn: 900 });
      return answer(200, { id: 'c-1', roles: ['customer'], name: 'Sarah' });
    }));
    const go = vi.fn();
    render(<I18nProvider initial="en"><SignInPage go={go} /></I18nProvider>);
    fillIn();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(go).toHaveBeenCalledWith('/portal'));
    expect(accessToken()).toBe('jwt-1');
    expect(JSON.stringify({ ...window.localStorage })).not.toContain('jwt-1');
    expect(JSON.stringify({ ...window.sessionStorage })).not.toContain('jwt-1');
    expect(window.localStorage.getItem('autocrm.tenant')).toBe('acme');
  });

  it('asks for the authenticator code when the account has two-factor sign-in', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(401, {
      type: 'https://autocrm.org/problems/totp-required', status: 401, detail: 'needs a code' })));
    render(<I18nProvider initial="de"><SignInPage go={vi.fn()} /></I18nProvider>);
    fillIn();
    fireEvent.click(screen.getByRole('button', { name: 'Anmelden' }));
    expect(await screen.findByLabelText('Authenticator-Code')).toBeTruthy();
  });

  it('says a wrong password in words', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => answer(401, { status: 401, detail: 'Wrong email or password.' })));
    render(<I18nProvider initial="en"><SignInPage go={vi.fn()} /></I18nProvider>);
    fillIn();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong email or password.');
  });
});

describe('the emailed links', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('read their one-time token from the fragment only', async () => {
    const { tokenOf } = await import('./SignInPage');
    expect(tokenOf('#token=abc.def')).toBe('abc.def');
    expect(tokenOf('#other=1')).toBeNull();
    expect(tokenOf('')).toBeNull();
  });

  it('sign a customer in from the link, drop the token from the address and go to the portal', async () => {
    window.history.replaceState(null, '', '/sign-in#token=one-time');
    const bodies: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.endsWith('/api/auth/sign-in-link/confirm')) {
        bodies.push(String(init?.body));
        return answer(200, { accessToken: 'jwt-link', expiresIn: 900 });
      }
      return answer(200, { id: 'c-1', roles: ['customer'] });
    }));
    const go = vi.fn();
    render(<I18nProvider initial="en"><SignInPage go={go} /></I18nProvider>);
    await waitFor(() => expect(go).toHaveBeenCalledWith('/portal'));
    expect(bodies).toEqual(['{"token":"one-time"}']);
    expect(window.location.hash).toBe('');
    expect(accessToken()).toBe('jwt-link');
  });

  it('offer a new link when the one used has expired', async () => {
    window.history.replaceState(null, '', '/sign-in#token=used');
    vi.stubGlobal('fetch', vi.fn(async () => answer(400, { status: 400,
      detail: 'This sign-in link is unknown, expired or already used; ask for a new one.' })));
    render(<I18nProvider initial="en"><SignInPage go={vi.fn()} /></I18nProvider>);
    expect((await screen.findByRole('alert')).textContent).toContain('expired');
    expect(screen.getByRole('button', { name: 'Send me a link' })).toBeTruthy();
  });
});
