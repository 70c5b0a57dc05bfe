/** The Concord API: zod schemas for every endpoint, WebSocket message and event. Used by server, web, CLI and tests. */
export * from './http.ts';
export * from './errors.ts';
export * from './common.ts';
export * from './events.ts';
export * from './ws.ts';
export * from './client.ts';
export * from './auth/session.ts';
export * from './auth/tokens.ts';
export * from './admin/apps.ts';
export * from './admin/audit.ts';
export * from './org/departments.ts';
export * from './org/people.ts';
export * from './org/import.ts';
export * from './base/schema.ts';
export * from './base/records.ts';
export * from './base/history.ts';
export * from './base/members.ts';
