import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A local HTTP endpoint that records what webhooks POST to it. `failNext` requests are answered with `failStatus`
 * instead (and not recorded), to exercise retries.
 */
export async function startWebhookReceiver(failStatus: number) {
  const received: ReceivedHook[] = [];
  const state = { failNext: 0 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      if (state.failNext > 0) {
        state.failNext--;
        res.statusCode = failStatus;
        return res.end('refused');
      }
      received.push({ headers: req.headers, body });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    /** Answer the next `n` requests with the failure status. */
    failNext(n: number) {
      state.failNext = n;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
