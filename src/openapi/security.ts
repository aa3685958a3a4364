/**
 * Security: the Microsoft identity platform as one OAuth2 scheme (authorization code for delegated
 * permissions, client credentials for application permissions), and per operation the least-privileged
 * permission of each kind its Permissions table lists (Graph lists them least privileged first). Pure.
 */
import type { Operation } from '../model/catalog.js';
import { compareStrings } from '../catalog/index.js';

/** Scheme name, as Microsoft's own Graph OpenAPI spells it. */
export const SECURITY_SCHEME = 'azureaadv2';

const AUTHORITY = 'https://login.microsoftonline.com';
/** Scope an app asks for with client credentials: all the application permissions it was granted. */
export const DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

type PermissionKind = 'delegated' | 'application';

/** 'Application' → application; 'Delegated (work or school account)', 'Delegated (personal ...)', prose 'Scopes' → delegated. */
export function permissionKind(type: string): PermissionKind | undefined {
  if (/^application/i.test(type.trim())) return 'application';
  if (/^(delegated|scopes)/i.test(type.trim())) return 'delegated';
  return undefined;
}

/** A scope name as Graph writes them (`Application.ReadWrite.All`); placeholders and prose are not scopes. */
export function isScopeName(scope: string): boolean {
  return /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9-]+)+$/.test(scope);
}

/** Least-privileged scope of each row of the Permissions table, by kind (one requirement per distinct scope). */
export function leastPrivileged(op: Operation): Array<{ kind: PermissionKind; scope: string }> {
  const out: Array<{ kind: PermissionKind; scope: string }> = [];
  for (const permission of op.permissions) {
    const kind = permissionKind(permission.type);
    const scope = permission.scopes.find(isScopeName);
    if (kind && scope && !out.some((o) => o.kind === kind && o.scope === scope)) out.push({ kind, scope });
  }
  return out;
}

/**
 * The operation's `security`: alternatives, one per least-privileged permission (delegated first).
 * Undefined when the page lists none we can read: the document's default applies.
 */
export function operationSecurity(op: Operation): Array<Record<string, string[]>> | undefined {
  const least = leastPrivileged(op).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'delegated' ? -1 : 1));
  return least.length > 0 ? least.map((l) => ({ [SECURITY_SCHEME]: [l.scope] })) : undefined;
}

/** The scheme, its flows declaring every scope the operations use (delegated and application). */
export function securityScheme(operations: Operation[]): Record<string, unknown> {
  const scopes: Record<PermissionKind, Set<string>> = { delegated: new Set(), application: new Set() };
  for (const op of operations) {
    for (const permission of op.permissions) {
      const kind = permissionKind(permission.type);
      if (kind) for (const scope of permission.scopes.filter(isScopeName)) scopes[kind].add(scope);
    }
  }
  const described = (kind: PermissionKind) =>
    Object.fromEntries([...scopes[kind]].sort(compareStrings).map((s) => [s, `${kind === 'delegated' ? 'Delegated' : 'Application'} permission ${s}`]));
  return {
    type: 'oauth2',
    description: 'Microsoft identity platform (Microsoft Entra ID). Delegated permissions: authorization code flow; application permissions: client credentials flow against the tenant token endpoint (`common` replaced by the tenant id; scope https://graph.microsoft.com/.default, the app\'s granted roles).',
    flows: {
      authorizationCode: {
        authorizationUrl: `${AUTHORITY}/common/oauth2/v2.0/authorize`,
        tokenUrl: `${AUTHORITY}/common/oauth2/v2.0/token`,
        scopes: described('delegated'),
      },
      clientCredentials: {
        // Client credentials need the tenant: its id or domain in place of `common` (a URL may not hold `{tenant}`).
        tokenUrl: `${AUTHORITY}/common/oauth2/v2.0/token`,
        scopes: { [DEFAULT_SCOPE]: 'All the application permissions granted to the app', ...described('application') },
      },
    },
  };
}
