// The single sign-on settings as the admin console's form holds them, and the conversions to and from the API:
// the role and group maps are edited as lines "provider value = target"; the client secret is never read back, only
// sent when the admin types a new one.
import type { Schemas } from '../api/client';

export type SsoView = Schemas['SsoSettingsView'];
export type SsoRequest = Schemas['SsoSettingsRequest'];
export type ClientAuthentication = 'client_secret_basic' | 'client_secret_post';
export const PERSON_ROLES = ['admin', 'team_lead', 'agent', 'customer'] as const;
export type DefaultRole = '' | (typeof PERSON_ROLES)[number];

export interface SsoForm {
  displayName: string;
  issuer: string;
  clientId: string;
  /** Empty: keep the stored secret. */
  clientSecret: string;
  clientAuthentication: ClientAuthentication;
  scopes: string;
  redirectUri: string;
  provisionUnknownUsers: boolean;
  emailClaim: string;
  nameClaim: string;
  rolesClaim: string;
  groupsClaim: string;
  roleMap: string;
  groupMap: string;
  defaultRole: DefaultRole;
}

/** The gateway's callback for the tenant, as the browser reaches the gateway: what to register at the provider. */
export function callbackUrl(origin: string, tenant: string): string {
  return `${origin}/api/auth/sso/${encodeURIComponent(tenant)}/callback`;
}

export function mapText(map: Record<string, string | null> | null | undefined): string {
  return Object.entries(map ?? {}).filter(([, target]) => target).map(([value, target]) => `${value} = ${target}`).join('\n');
}

/** The lines "value = target" as a map, or the first line (1-based) that is not one. Blank lines are skipped. */
export function parseMap(text: string): { map: Record<string, string> } | { badLine: number } {
  const map: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim();
    if (!line) continue;
    // the target (a role or group id) has no '='; the provider's value might, so the last one divides
    const at = line.lastIndexOf('=');
    const value = at < 0 ? '' : line.slice(0, at).trim();
    const target = at < 0 ? '' : line.slice(at + 1).trim();
    if (!value || !target) return { badLine: index + 1 };
    map[value] = target;
  }
  return { map };
}

/** The form for what the tenant has now; the redirect URI proposed when none is set. */
export function formOf(view: SsoView | null | undefined, proposedRedirectUri: string): SsoForm {
  const claims = view?.claims;
  const defaultRole = claims?.defaultRole ?? '';
  return {
    displayName: view?.displayName ?? '',
    issuer: view?.issuer ?? '',
    clientId: view?.clientId ?? '',
    clientSecret: '',
    clientAuthentication: view?.clientAuthentication === 'client_secret_post' ? 'client_secret_post' : 'client_secret_basic',
    scopes: (view?.scopes?.length ? view.scopes : ['openid', 'email', 'profile']).join(' '),
    redirectUri: view?.redirectUri ?? proposedRedirectUri,
    provisionUnknownUsers: view?.provisionUnknownUsers ?? false,
    emailClaim: claims?.email ?? 'email',
    nameClaim: claims?.name ?? 'name',
    rolesClaim: claims?.roles ?? 'roles',
    groupsClaim: claims?.groups ?? 'groups',
    roleMap: mapText(claims?.roleMap),
    groupMap: mapText(claims?.groupMap),
    defaultRole: (PERSON_ROLES as readonly string[]).includes(defaultRole) ? (defaultRole as DefaultRole) : '',
  };
}

export type RequestOrProblem = { body: SsoRequest } | { field: 'roleMap' | 'groupMap'; badLine: number };

/** What to send for the form; the server checks the rest and names the field it refuses. */
export function requestOf(form: SsoForm): RequestOrProblem {
  const roles = parseMap(form.roleMap);
  if ('badLine' in roles) return { field: 'roleMap', badLine: roles.badLine };
  const groups = parseMap(form.groupMap);
  if ('badLine' in groups) return { field: 'groupMap', badLine: groups.badLine };
  const secret = form.clientSecret.trim();
  return {
    body: {
      displayName: form.displayName.trim() || null,
      issuer: form.issuer.trim(),
      clientId: form.clientId.trim(),
      ...(secret ? { clientSecret: secret } : {}),
      clientAuthentication: form.clientAuthentication,
      scopes: form.scopes.split(/\s+/).filter(Boolean),
      redirectUri: form.redirectUri.trim(),
      provisionUnknownUsers: form.provisionUnknownUsers,
      claims: {
        email: form.emailClaim.trim() || null,
        name: form.nameClaim.trim() || null,
        roles: form.rolesClaim.trim() || null,
        groups: form.groupsClaim.trim() || null,
        roleMap: roles.map,
        groupMap: groups.map,
        defaultRole: form.defaultRole || null,
      },
    },
  };
}
