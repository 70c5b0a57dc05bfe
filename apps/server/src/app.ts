import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import websocket from '@fastify/websocket';
import fastifyStatic from '@fastify/static';
import type { AppDeps } from './platform/deps.ts';
import { loggerOptions } from './platform/log.ts';
import { installErrorHandler } from './platform/http/errors-handler.ts';
import { installOpenApi } from './platform/http/open-api.ts';
import { pickLocale } from './platform/http/actor.ts';
import { AppError } from './platform/errors.ts';
import { RealtimeHub } from './platform/realtime/hub.ts';
import { wsRoutes } from './platform/realtime/ws.routes.ts';
import { orgRoutes, resolveActor, resolveOpenActor, SESSION_COOKIE, canJoinRoom } from './org/index.ts';
import { baseOpenApiRoutes, baseRoutes, canJoinBaseRoom, pruneRecordChanges, startAutomationWorker, startWebhookWorker } from './base/index.ts';
import type { RoomAuthorizer } from './platform/realtime/hub.ts';
import { startOutboxConsumers, type OutboxConsumer } from './platform/outbox-consumer.ts';
import { startOutboxPruner, startPruner } from './platform/outbox-prune.ts';
import { notifyConsumer, notifyRoutes } from './notify/index.ts';
import { crmRoutes } from './crm/index.ts';

/** Every slice's in-process subscriber to domain events; tests run them with `drainOutbox(deps, OUTBOX_CONSUMERS)`. */
export const OUTBOX_CONSUMERS: readonly OutboxConsumer[] = [notifyConsumer];

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');
/** File uploads (imports) arrive as raw bytes. */
const RAW_TYPES = ['application/octet-stream', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/vnd.ms-excel'];

export interface ConcordApp {
  app: FastifyInstance;
  hub: RealtimeHub;
}

/** Builds the HTTP app: security plugins, request context, every slice's routes, realtime, and the web app. */
export async function createApp(
  deps: AppDeps,
  options: { logLevel?: string; webDist?: string; /** Background loops (webhook delivery); tests drive them by hand. */ workers?: boolean } = {},
): Promise<ConcordApp> {
  const app = Fastify({
    logger: loggerOptions(options.logLevel ?? deps.config.logLevel),
    trustProxy: true,
    // Batch writes of 1,000 records with long text exceed Fastify's 1 MiB default.
    bodyLimit: 32 * 1024 * 1024,
    requestIdHeader: false,
    // Feishu SDK paths carry ids unencoded; keep routing strict but allow long ids.
    routerOptions: { maxParamLength: 200 },
  });
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(websocket, { options: { maxPayload: 1 << 20 } });
  app.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: 100 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  // Any other type (image/png from an upload) arrives as bytes too; JSON routes then answer 400, not 415.
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 100 * 1024 * 1024 }, (_req, body, done) => done(null, body));
  app.decorateRequest('ctx', null as never);
  app.addHook('onRequest', async (req) => {
    const auth = req.headers.authorization;
    const bearer = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
    const actor = req.url.startsWith('/api/') ? await resolveActor(deps, req.cookies[SESSION_COOKIE], bearer) : null;
    req.ctx = { actor, ip: req.ip, locale: pickLocale(actor?.kind === 'user' ? actor.locale : null, req.headers['accept-language']) };
  });
  installErrorHandler(app);
  // /open-apis routes resolve their own bearer tokens (tenant or personal) through the org slice.
  installOpenApi(app, (token) => resolveOpenActor(deps, token));

  await orgRoutes(app, deps);
  await baseRoutes(app, deps);
  await baseOpenApiRoutes(app, deps);
  await notifyRoutes(app, deps);
  await crmRoutes(app, deps);
  app.get('/api/v1/health', async () => ({ ok: true, db: deps.handle.kind, instanceId: deps.instanceId }));

  // Each slice decides who may listen to its rooms.
  const authorize: RoomAuthorizer = (actor, room) =>
    room.startsWith('table:') || room.startsWith('base:') ? canJoinBaseRoom(deps.db, actor, room) : canJoinRoom(actor, room);
  const hub = new RealtimeHub(deps, authorize);
  if (options.workers !== false) {
    const stopWebhooks = startWebhookWorker(deps);
    app.addHook('onClose', async () => stopWebhooks());
    const stopAutomations = startAutomationWorker(deps);
    app.addHook('onClose', async () => stopAutomations());
    const stopConsumers = await startOutboxConsumers(deps, OUTBOX_CONSUMERS);
    app.addHook('onClose', async () => stopConsumers());
    const stopPruner = startOutboxPruner(deps);
    app.addHook('onClose', async () => stopPruner());
    const stopChangesPruner = startPruner(deps, 'record changes', pruneRecordChanges);
    app.addHook('onClose', async () => stopChangesPruner());
  }
  await hub.start();
  app.addHook('onClose', () => hub.stop());
  wsRoutes(app, hub, (c, b) => resolveActor(deps, c, b), SESSION_COOKIE);

  const webDist = options.webDist ?? WEB_DIST;
  const hasWeb = fs.existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.url.startsWith('/open-apis/') || req.method !== 'GET') {
      throw new AppError('not_found', 'route.not_found', {
        en: `No such endpoint: ${req.method} ${req.url.split('?')[0]}`,
        zh: `接口不存在：${req.method} ${req.url.split('?')[0]}`,
      });
    }
    // A missing build asset (a tab still open from before a rebuild) must fail as a 404, not load index.html as script.
    if (req.url.startsWith('/assets/')) return reply.code(404).type('text/plain').send('Not found: reload the page');
    // Client-side routes (/directory, /admin/…) all load the single-page app.
    if (hasWeb) return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    return reply.type('text/plain').code(503).send('The web app is not built: run `npm run build:web` (npm start does it for you).');
  });
  return { app, hub };
}
