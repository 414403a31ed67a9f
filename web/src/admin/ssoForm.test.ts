import { describe, expect, it } from 'vitest';
import { callbackUrl, formOf, mapText, parseMap, requestOf } from './ssoForm';

describe('the single sign-on form', () => {
  it('proposes the gateway’s callback and the standard scopes and claims for a tenant without single sign-on', () => {
    const form = formOf({ configured: false, clientSecretSet: false, provisionUnknownUsers: false, scopes: [] },
      callbackUrl('https://support.acme.example', 'acme'));
    expect(form.redirectUri).toBe('https://support.acme.example/api/auth/sso/acme/callback');
    expect(form.scopes).toBe('openid email profile');
    expect([form.emailClaim, form.nameClaim, form.rolesClaim, form.groupsClaim]).toEqual(['email', 'name', 'roles', 'groups']);
    expect(form.clientAuthentication).toBe('client_secret_basic');
    expect(form.defaultRole).toBe('');
  });

  it('edits the maps as lines and sends them back as they were', () => {
    const view = { configured: true, source: 'admin', issuer: 'https://login.acme.example', clientId: 'autocrm',
      clientSecretSet: true, scopes: ['openid', 'email'], redirectUri: 'https://x.example/api/auth/sso/acme/callback',
      provisionUnknownUsers: true, clientAuthentication: 'client_secret_post',
      claims: { email: 'mail', name: 'name', roles: 'realm_access.roles', groups: 'groups',
        roleMap: { 'support-staff': 'agent', 'a=b': 'admin' }, groupMap: { emea: 'tier-1' }, defaultRole: 'agent' } } as const;
    const form = formOf({ ...view, scopes: [...view.scopes] }, 'ignored');
    expect(form.roleMap).toBe('support-staff = agent\na=b = admin');
    const request = requestOf(form);
    if (!('body' in request)) throw new Error('refused');
    expect(request.body.claims?.roleMap).toEqual(view.claims.roleMap);
    expect(request.body.claims?.groupMap).toEqual({ emea: 'tier-1' });
    expect(request.body.claims?.roles).toBe('realm_access.roles');
    expect(request.body.scopes).toEqual(['openid', 'email']);
    expect(request.body.clientAuthentication).toBe('client_secret_post');
    expect(request.body.provisionUnknownUsers).toBe(true);
  });

  it('never sends an empty secret, so the stored one is kept, and sends a typed one', () => {
    const form = formOf(null, 'https://x.example/api/auth/sso/acme/callback');
    const kept = requestOf({ ...form, issuer: ' https://login.acme.example ', clientId: 'autocrm', clientSecret: '  ' });
    expect('body' in kept && 'clientSecret' in kept.body).toBe(false);
    expect('body' in kept && kept.body.issuer).toBe('https://login.acme.example');
    const replaced = requestOf({ ...form, clientSecret: 'n3w' });
    expect('body' in replaced && replaced.body.clientSecret).toBe('n3w');
  });

  it('names the line of a map that is not "value = target"', () => {
    expect(parseMap('a = agent\n\n  b=admin  ')).toEqual({ map: { a: 'agent', b: 'admin' } });
    expect(parseMap('a = agent\njust-a-value')).toEqual({ badLine: 2 });
    expect(parseMap('= agent')).toEqual({ badLine: 1 });
    expect(requestOf({ ...formOf(null, ''), groupMap: 'emea tier-1' })).toEqual({ field: 'groupMap', badLine: 1 });
    expect(mapText(null)).toBe('');
  });
});
