import type { Locale, Role } from '@concord/contracts';

/** Who is calling: a signed-in person (browser session or personal token) or an Open Platform app. */
export type Actor =
  | {
      kind: 'user';
      userId: string;
      name: string;
      role: Role;
      locale: Locale | null;
      via: 'session' | 'token';
      /** Set for browser sessions: unsafe requests must echo it in `x-csrf-token`. */
      csrfToken: string | null;
      sessionId: string | null;
    }
  | { kind: 'app'; appId: string; name: string; scopes: string[] };

/** The id that records who acted: the person's id, or the app's. */
export function actorIdOf(actor: Actor | null | undefined): string | null {
  return actor ? (actor.kind === 'user' ? actor.userId : actor.appId) : null;
}

/** Where a request came from, for permissions and the audit log. */
export interface RequestContext {
  actor: Actor | null;
  ip: string;
  locale: Locale;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

/** The user's own language when set, else the browser's (zh* → zh-CN), else English. */
export function pickLocale(userLocale: Locale | null | undefined, acceptLanguage: string | undefined): Locale {
  if (userLocale) return userLocale;
  return /^\s*zh/i.test(acceptLanguage ?? '') ? 'zh-CN' : 'en';
}
