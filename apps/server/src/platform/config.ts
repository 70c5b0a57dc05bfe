import path from 'node:path';
import { z } from 'zod';
import { parseAllowEntry, type OutboundPolicy } from './outbound-url.ts';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  CONCORD_ADMIN_EMAIL: z.string().email().optional(),
  CONCORD_ADMIN_PASSWORD: z.string().min(8).optional(),
  CONCORD_ADMIN_NAME: z.string().default('Administrator'),
  /** Public base URL used in links (dashboards, forms); defaults to http://HOST:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set when served over HTTPS so cookies get the Secure flag. */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  /** Outgoing mail (automations, notifications): smtp://user:pass@host:587 or smtps://…:465; unset = no email. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().default('Concord <noreply@localhost>'),
  /** Let webhooks reach loopback, link-local and private addresses (a receiver on this machine or network). */
  WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false', '1', '0']).default('false'),
  /** Comma-separated host names, addresses or CIDR ranges webhooks may reach although private: `hooks.lan,10.0.0.0/8`. */
  WEBHOOK_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every((x) => parseAllowEntry(x) !== null), 'each entry must be a host name, an IP address or a CIDR range like 10.0.0.0/8'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** null = embedded PGlite in `dataDir/pg`; 'memory://' = in-memory PGlite (tests). */
  databaseUrl: string | null;
  admin: { email: string; password: string; name: string } | null;
  publicUrl: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  cookieSecure: boolean;
  /** null = email is not configured; sending fails with a clear error. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Which addresses base and automation webhooks may call (loopback, link-local and private ones are refused by default). */
  webhookTargets: OutboundPolicy;
}

/** Reads configuration from the environment; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    admin:
      e.CONCORD_ADMIN_EMAIL && e.CONCORD_ADMIN_PASSWORD
        ? { email: e.CONCORD_ADMIN_EMAIL.toLowerCase(), password: e.CONCORD_ADMIN_PASSWORD, name: e.CONCORD_ADMIN_NAME }
        : null,
    publicUrl: e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`,
    logLevel: e.LOG_LEVEL,
    cookieSecure: e.COOKIE_SECURE === 'true',
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    webhookTargets: { allowPrivate: e.WEBHOOK_ALLOW_PRIVATE === 'true' || e.WEBHOOK_ALLOW_PRIVATE === '1', allowHosts: e.WEBHOOK_ALLOW_HOSTS },
  };
}
