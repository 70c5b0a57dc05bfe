/**
 * The org feature: sign-in and first-run setup, the directory, and the admin console (directory upkeep, imports,
 * Open Platform apps, personal tokens, audit log). Only what app/ needs is exported here.
 */
export { LoginRoute } from './routes/login-route.tsx';
export { SetupRoute } from './routes/setup-route.tsx';
export { DirectoryRoute } from './routes/directory-route.tsx';
export { useMe, type Session } from './api/get-me.ts';
export { useLogout } from './api/logout.ts';
export { LocaleSwitch } from './components/locale-switch.tsx';
export { OrgRealtimeEffect } from './components/org-realtime-effect.tsx';
export { SessionLocaleEffect } from './components/session-locale-effect.tsx';

/** Admin pages and the personal tokens page, split into their own chunk. */
export const loadAdminRoutes = () => import('./routes/admin-routes.ts');
