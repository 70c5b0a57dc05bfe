/** The admin console's pages, loaded on demand (most people never open them). */
export { AdminLayoutRoute } from './admin-layout-route.tsx';
export { AdminDepartmentsRoute } from './admin-departments-route.tsx';
export { AdminPeopleRoute } from './admin-people-route.tsx';
export { AdminImportRoute } from './admin-import-route.tsx';
export { AdminAppsRoute } from './admin-apps-route.tsx';
export { AdminAuditRoute } from './admin-audit-route.tsx';
export { TokensRoute } from './tokens-route.tsx';
