import Keycloak from 'keycloak-js';

/** Where to log in: served by the gateway (`/web-config.json`) so one build runs against any realm. */
export interface WebConfig {
  keycloakUrl: string;
  realm: string;
  clientId: string;
}

export type Role = 'candidate' | 'coach' | 'firm-admin' | 'admin' | 'analyst';

/** The signed-in user as the token says: never trusted by the API, only used to choose what to show. */
export interface User {
  id: string;
  name: string;
  roles: Role[];
  firm: string | null;
}

let keycloak: Keycloak | null = null;

export async function startAuth(config: WebConfig): Promise<User | null> {
  keycloak = new Keycloak({ url: config.keycloakUrl, realm: config.realm, clientId: config.clientId });
  // authorization code + PKCE; no login iframe (third-party cookies are blocked in most browsers anyway)
  const authenticated = await keycloak.init({ pkceMethod: 'S256', checkLoginIframe: false, responseMode: 'query' });
  return authenticated ? currentUser() : null;
}

function currentUser(): User {
  const t = (keycloak?.tokenParsed ?? {}) as Record<string, unknown>;
  const roles = ((t.realm_access as { roles?: string[] } | undefined)?.roles ?? []) as Role[];
  const org = t.organization;
  const firm = Array.isArray(org) ? (org[0] as string) ?? null
    : org && typeof org === 'object' ? Object.keys(org)[0] ?? null
    : typeof org === 'string' ? org : null;
  return { id: String(t.sub ?? ''), name: String(t.preferred_username ?? t.name ?? 'you'), roles, firm };
}

export function login(): Promise<void> {
  return keycloak!.login({ redirectUri: location.origin + location.pathname + location.hash });
}

export function logout(): Promise<void> {
  return keycloak!.logout({ redirectUri: location.origin + location.pathname });
}

/** A fresh access token: refreshed when it has less than 30 s left. */
export async function accessToken(): Promise<string> {
  if (!keycloak?.authenticated) throw new Error('not signed in');
  await keycloak.updateToken(30).catch(() => keycloak!.login());
  return keycloak.token!;
}

export function hasRole(user: User, ...roles: Role[]): boolean {
  return roles.some((r) => user.roles.includes(r));
}
