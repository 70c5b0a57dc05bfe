import { appScope, createApp, deleteApp, listApps, rotateAppSecret, type AppDto } from '@concord/contracts';
import { CliError, defineCommand } from './command.ts';

/** Feishu's field names, so the output can be pasted into SDK configuration as is. */
const feishuShape = (a: AppDto) => ({ app_id: a.appId, name: a.name, scopes: a.scopes, active: a.active, created_at: a.createdAt });

function parseScopes(list: string | undefined) {
  if (list === undefined) return undefined;
  const scopes = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const parsed = appScope.array().safeParse(scopes);
  if (!parsed.success) throw new CliError('cli.usage', `unknown scope in "${list}"; valid scopes: ${appScope.options.join(', ')}`, 2);
  return parsed.data;
}

const appIdOption = { type: 'string', valueName: 'APP_ID', required: true, description: 'The app, e.g. cli_0123456789abcdef' } as const;

export const appCommands = [
  defineCommand({
    name: 'app create',
    summary: 'Create an Open Platform app; prints app_id and app_secret (the secret is shown only once)',
    details: 'Point the Feishu SDK at Concord with these: new lark.Client({ appId, appSecret, domain: CONCORD_URL }).',
    options: {
      name: { type: 'string', valueName: 'NAME', required: true, description: 'Display name of the app' },
      scopes: {
        type: 'string',
        valueName: 'a,b',
        description: `Comma-separated scopes (default bitable,contact:readonly); any of ${appScope.options.join(', ')}`,
      },
    },
    async run(ctx, v) {
      const a = await ctx.server.call(createApp, { body: { name: v.name, scopes: parseScopes(v.scopes) } });
      return { app_id: a.appId, app_secret: a.appSecret, name: a.name, scopes: a.scopes };
    },
  }),
  defineCommand({
    name: 'app list',
    summary: 'List Open Platform apps (never their secrets)',
    options: {},
    async run(ctx) {
      const { items } = await ctx.server.call(listApps, {});
      return { items: items.map(feishuShape) };
    },
  }),
  defineCommand({
    name: 'app rotate-secret',
    summary: 'Give an app a new secret; the old secret and its tokens stop working at once',
    options: { 'app-id': appIdOption },
    async run(ctx, v) {
      const a = await ctx.server.call(rotateAppSecret, { params: { appId: v['app-id'] } });
      return { app_id: a.appId, app_secret: a.appSecret, name: a.name, scopes: a.scopes };
    },
  }),
  defineCommand({
    name: 'app delete',
    summary: 'Delete an app; scripts using it stop working at their next call',
    options: { 'app-id': appIdOption },
    async run(ctx, v) {
      await ctx.server.call(deleteApp, { params: { appId: v['app-id'] } });
      return { deleted: true, app_id: v['app-id'] };
    },
  }),
];
