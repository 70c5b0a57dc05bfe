import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from './config.ts';

export interface MailMessage {
  to: string[];
  subject: string;
  text: string;
}

/** Sending failed or is impossible; `message` is shown in run logs as is. */
export class MailError extends Error {}

const transports = new Map<string, Transporter>();

function transportFor(url: string): Transporter {
  let t = transports.get(url);
  if (!t) {
    // Short timeouts: a hung mail server must not hold a worker for minutes; callers retry later.
    t = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
    transports.set(url, t);
  }
  return t;
}

/**
 * Sends a plain-text email through the SMTP server in `SMTP_URL`, from `MAIL_FROM`.
 * @example await sendMail(deps.config, { to: ['a@example.com'], subject: 'Hi', text: 'Hello' })
 */
export async function sendMail(config: Pick<Config, 'smtpUrl' | 'mailFrom'>, msg: MailMessage): Promise<{ messageId: string }> {
  if (!config.smtpUrl) throw new MailError('Email is not configured (set SMTP_URL)');
  if (msg.to.length === 0) throw new MailError('No recipients');
  try {
    const info = (await transportFor(config.smtpUrl).sendMail({ from: config.mailFrom, to: msg.to, subject: msg.subject, text: msg.text })) as {
      messageId: string;
    };
    return { messageId: info.messageId };
  } catch (err) {
    throw new MailError(`SMTP: ${err instanceof Error ? err.message : String(err)}`);
  }
}
