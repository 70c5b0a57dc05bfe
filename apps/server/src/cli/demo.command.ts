import { seedDemo } from '@concord/contracts';
import { defineCommand } from './command.ts';

/** Every demo person signs in with this password (set by the demo seed on the server). */
export const DEMO_PASSWORD = 'concord-demo';

export const demoCommand = defineCommand({
  name: 'demo',
  summary: 'Seed the demo company (departments and people) on an empty directory',
  options: {},
  async run(ctx) {
    const result = await ctx.server.call(seedDemo, {});
    ctx.info(`Demo company ready: sign in at ${ctx.url}/ as any demo person with the password "${DEMO_PASSWORD}".`);
    return result;
  },
});
