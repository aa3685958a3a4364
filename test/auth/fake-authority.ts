/**
 * A fake Entra ID for MSAL, answered in-process through MSAL's own networkClient hook (MSAL only talks
 * HTTPS to its authority, and no test may reach the internet): instance discovery, OpenID metadata and
 * the token endpoint, recording every request.
 */
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

export interface FakeAuthority extends INetworkModule {
  gets: string[];
  posts: { url: string; form: URLSearchParams }[];
  /** Next token endpoint answers, in order (default: a fresh token valid for an hour). */
  tokenAnswers: Array<{ status: number; body: Record<string, unknown> }>;
  issued: number;
}

export function fakeAuthority(host = 'https://login.microsoftonline.com'): FakeAuthority {
  const fake: FakeAuthority = {
    gets: [],
    posts: [],
    tokenAnswers: [],
    issued: 0,
    async sendGetRequestAsync<T>(url: string): Promise<NetworkResponse<T>> {
      fake.gets.push(url);
      const u = new URL(url);
      if (u.pathname.endsWith('/discovery/instance')) {
        const tenantEndpoint = `${host}/{tenant}/v2.0/.well-known/openid-configuration`;
        return answer({ tenant_discovery_endpoint: tenantEndpoint, 'api-version': '1.1', metadata: [{ preferred_network: new URL(host).host, preferred_cache: new URL(host).host, aliases: [new URL(host).host] }] });
      }
      if (u.pathname.endsWith('/.well-known/openid-configuration')) {
        const tenant = u.pathname.split('/')[1];
        return answer({
          token_endpoint: `${host}/${tenant}/oauth2/v2.0/token`,
          authorization_endpoint: `${host}/${tenant}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${host}/${tenant}/oauth2/v2.0/logout`,
          issuer: `${host}/${tenant}/v2.0`,
          jwks_uri: `${host}/${tenant}/discovery/v2.0/keys`,
        });
      }
      return answer({ error: 'not_found' }, 404);
    },
    async sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
      fake.posts.push({ url, form: new URLSearchParams(options?.body ?? '') });
      const next = fake.tokenAnswers.shift();
      if (next) return answer(next.body, next.status);
      fake.issued++;
      return answer({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: `eyJhbGciOiJub25lIn0.eyJ0b2tlbiI6${fake.issued}.fake-graph-token-${fake.issued}` });
    },
  };
  return fake;
}

function answer<T>(body: unknown, status = 200): NetworkResponse<T> {
  return { status, headers: { 'content-type': 'application/json' }, body: body as T };
}
