import { crmLocale, initCrm } from '@concord/contracts';
import { CliError, defineCommand } from './command.ts';

export const crmCommands = [
  defineCommand({
    name: 'crm init',
    summary: 'Create a CRM base (客户管理) from the template; prints app_token, table ids and the dashboard URL',
    details: [
      'Creates customers, contacts, opportunities and activities tables linked both ways, their views, the duplicate rule,',
      'stage-owner automations (assign and notify when 阶段 changes) and the 销售看板 dashboard.',
      'Output: {"app_token": …, "tables": {"customers", "contacts", "opportunities", "activities"}, "dashboard_url": …}',
    ].join('\n'),
    options: {
      locale: { type: 'string', valueName: 'zh-CN|en', description: 'Language of table, field, option and view names (default zh-CN)' },
    },
    async run(ctx, v) {
      const locale = crmLocale.safeParse(v.locale ?? 'zh-CN');
      if (!locale.success) throw new CliError('cli.usage', `--locale must be zh-CN or en, not "${v.locale}"`, 2);
      const crm = await ctx.server.call(initCrm, { body: { locale: locale.data } });
      ctx.info(`CRM ready: ${ctx.url}/base/${crm.appToken}`);
      return {
        app_token: crm.appToken,
        tables: crm.tables,
        dashboard_url: ctx.url + crm.dashboardUrl,
      };
    },
  }),
];
