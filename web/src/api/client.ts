import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.gen';
import { currentToken, type Problem } from '../session/session';

export type Schemas = components['schemas'];

const authenticate: Middleware = {
  async onRequest({ request }) {
    const token = await currentToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
};

/** The platform's API through the gateway, typed from its OpenAPI document (web/openapi/autocrm-api.json). */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  credentials: 'same-origin',
  // looked up at each call, not captured once, so tests can stand in for the network
  fetch: (request) => globalThis.fetch(request),
});
api.use(authenticate);

/** The person-readable reason of a refusal, whatever shape the error took. */
export function reason(error: unknown, fallback: string): string {
  if (error && typeof error === 'object') {
    const problem = error as Partial<Problem>;
    if (typeof problem.detail === 'string' && problem.detail) return problem.detail;
    if (typeof problem.title === 'string' && problem.title) return problem.title;
  }
  return fallback;
}
