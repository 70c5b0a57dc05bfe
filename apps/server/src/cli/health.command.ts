import { defineCommand } from './command.ts';

export const healthCommand = defineCommand({
  name: 'health',
  summary: 'Check that the server answers and its database is up (no credentials needed)',
  options: {},
  run: (ctx) => ctx.server.get('/api/v1/health'),
});
