import { createToken } from '@concord/contracts';
import { defineCommand } from './command.ts';

export const tokenCommands = [
  defineCommand({
    name: 'token create',
    summary: 'Create a personal API token for the signed-in user; prints {token} (shown only once)',
    details: 'Use it as CONCORD_TOKEN for later commands, or as "Authorization: Bearer <token>" on /api/v1.',
    options: { name: { type: 'string', valueName: 'NAME', required: true, description: 'What the token is for, e.g. "nightly import"' } },
    async run(ctx, v) {
      const t = await ctx.server.call(createToken, { body: { name: v.name } });
      return { token: t.token, id: t.id, name: t.name };
    },
  }),
];
