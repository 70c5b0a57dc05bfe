import type { FastifyServerOptions } from 'fastify';

/** Logger settings: secrets, passwords and cookies never reach the log. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.app_secret',
        '*.appSecret',
        '*.token',
      ],
      censor: '[redacted]',
    },
  };
}
