import Keycloak from 'keycloak-js';

export const ROLES = ['UNIVERSITY', 'ENTERPRISE', 'BROKER', 'COMMISSIONER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export interface WebConfig {
  keycloak: { url: string; realm: string; clientId: string };
}

export interface Session {
  authenticated: boolean;
  username?: string;
  name?: string;
  subject?: string;
  roles: Role[];
}

let keycloak: Keycloak | undefined;
const listeners = new Set<() => void>();
let session: Session = { authenticated: false, roles: [] };

/** Refresh this long before expiry, so a request never leaves with a token about to lapse. */
const MIN_VALIDITY_SECONDS = 30;

function readSession(): Session {
  if (!keycloak?.authenticated || !keycloak.tokenParsed) return { authenticated: false, roles: [] };
  const parsed = keycloak.tokenParsed as Record<string, unknown> & { realm_access?: { roles?: string[] } };
  const roles = (parsed.realm_access?.roles ?? []).filter((role): role is Role => (ROLES as readonly string[]).includes(role));
  return {
    authenticated: true,
    username: parsed.preferred_username as string | undefined,
    name: (parsed.name as string | undefined) ?? (parsed.preferred_username as string | undefined),
    subject: parsed.sub as string | undefined,
    roles,
  };
}

function publish(): void {
  session = readSession();
  listeners.forEach((listener) => listener());
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentSession(): Session {
  return session;
}

/**
 * Authorization code + PKCE against the realm's public client. check-sso finds an existing
 * Keycloak session through a hidden iframe without sending the user to the login page.
 */
export async function initAuth(config: WebConfig): Promise<void> {
  keycloak = new Keycloak({ url: config.keycloak.url, realm: config.keycloak.realm, clientId: config.keycloak.clientId });
  keycloak.onTokenExpired = () => {
    void refresh();
  };
  keycloak.onAuthRefreshError = () => publish();
  keycloak.onAuthLogout = () => publish();
  try {
    await keycloak.init({
      onLoad: 'check-sso',
      pkceMethod: 'S256',
      responseMode: 'fragment',
      silentCheckSsoRedirectUri: `${window.location.origin}/silent-check-sso.html`,
      checkLoginIframe: false,
      // Never let a slow or blocked login check hold the app back for long: keycloak-js spends this
      // timeout on its third-party-cookie probe before the silent check itself, so 20 s here kept a
      // reloaded page signed out for half a minute. The app renders signed out after 8 s anyway.
      messageReceiveTimeout: 5000,
    });
  } catch (error) {
    // Keycloak unreachable: the public pages still work; logging in says why it cannot.
    console.warn('login service unavailable', error);
  }
  publish();
  // Refresh before expiry also when the tab was asleep and missed the timer.
  window.setInterval(() => {
    if (keycloak?.authenticated) void refresh();
  }, 20_000);
}

async function refresh(): Promise<void> {
  if (!keycloak?.authenticated) return;
  try {
    const refreshed = await keycloak.updateToken(MIN_VALIDITY_SECONDS);
    if (refreshed) publish();
  } catch {
    keycloak.clearToken();
    publish();
  }
}

/** A valid access token (refreshed first when it expires within 30 s), or undefined when signed out. */
export async function accessToken(): Promise<string | undefined> {
  if (!keycloak?.authenticated) return undefined;
  await refresh();
  return keycloak.token;
}

export function login(locale?: string): void {
  if (!keycloak) return;
  void keycloak.login({ locale: locale === 'en' ? 'en' : 'zh-CN', redirectUri: window.location.href });
}

export function logout(): void {
  if (!keycloak) return;
  void keycloak.logout({ redirectUri: `${window.location.origin}/` });
}

export function hasRole(current: Session, ...roles: Role[]): boolean {
  return roles.some((role) => current.roles.includes(role));
}
