import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import {
  checkOutboundUrl,
  outboundFetch,
  parseAllowEntry,
  resolveOutboundUrl,
  type ConnectLookup,
  type Lookup,
  type OutboundPolicy,
} from './outbound-url.ts';

const strict: OutboundPolicy = { allowPrivate: false, allowHosts: [] };
/** A resolver that answers from a table, like DNS would. */
const dns =
  (table: Record<string, string[]>): Lookup =>
  async (host) => {
    const found = table[host];
    if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

describe('outbound URL policy', () => {
  it.each([
    'http://127.0.0.1/hook',
    'http://127.1.2.3:8080/',
    'http://0x7f.1/', // another spelling of 127.0.0.1
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.5/',
    'http://172.20.1.1/',
    'http://192.168.1.10/',
    'http://0.0.0.0/',
    'http://224.0.0.1/',
    'http://[::1]/',
    'http://[::]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[fd12:3456::1]/',
    'http://[fe80::1]/',
    'http://[ff02::1]/',
    'http://localhost:3000/',
    'http://api.localhost/',
  ])('refuses %s when saved', (url) => {
    expect(checkOutboundUrl(url, strict)).toMatchObject({ ok: false, reason: 'private_address' });
  });

  it('refuses other schemes and accepts public addresses and names (their addresses are checked at delivery)', () => {
    expect(checkOutboundUrl('ftp://example.com/x', strict)).toMatchObject({ ok: false, reason: 'scheme' });
    expect(checkOutboundUrl('file:///etc/passwd', strict)).toMatchObject({ ok: false, reason: 'scheme' });
    expect(checkOutboundUrl('https://8.8.8.8/hook', strict)).toEqual({ ok: true });
    expect(checkOutboundUrl('https://hooks.example.com/x', strict)).toEqual({ ok: true });
  });

  it('says why in both languages', () => {
    const r = checkOutboundUrl('http://169.254.169.254/', strict);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.text.en).toMatch(/169\.254\.169\.254.*private network address.*WEBHOOK_ALLOW_HOSTS/);
    expect(r.text.zh).toMatch(/内网地址/);
  });

  it('checks every address a name resolves to at delivery', async () => {
    const lookup = dns({ 'hooks.example.com': ['93.184.216.34'], 'sneaky.example.com': ['93.184.216.34', '169.254.169.254'], 'v6.example.com': ['::1'] });
    expect(await resolveOutboundUrl('https://hooks.example.com/x', strict, lookup)).toEqual({ ok: true });
    expect(await resolveOutboundUrl('https://sneaky.example.com/x', strict, lookup)).toMatchObject({ ok: false, reason: 'private_address' });
    expect(await resolveOutboundUrl('https://v6.example.com/x', strict, lookup)).toMatchObject({ ok: false, reason: 'private_address' });
    expect(await resolveOutboundUrl('https://gone.example.com/x', strict, lookup)).toMatchObject({
      ok: false,
      reason: 'unresolvable',
      text: { en: 'Cannot resolve gone.example.com (ENOTFOUND)' },
    });
  });

  it('lets an operator allow all private addresses, or some names and ranges', async () => {
    const lookup = dns({ 'hooks.lan': ['10.1.2.3'], 'other.lan': ['192.168.0.9'] });
    expect(await resolveOutboundUrl('http://127.0.0.1:9/', { allowPrivate: true, allowHosts: [] }, lookup)).toEqual({ ok: true });
    const some: OutboundPolicy = { allowPrivate: false, allowHosts: ['Hooks.LAN', '172.16.0.0/12', '127.0.0.1', 'fd00::/8'] };
    expect(await resolveOutboundUrl('http://hooks.lan/x', some, lookup)).toEqual({ ok: true });
    expect(await resolveOutboundUrl('http://other.lan/x', some, lookup)).toMatchObject({ ok: false });
    expect(checkOutboundUrl('http://172.31.0.1/', some)).toEqual({ ok: true });
    expect(checkOutboundUrl('http://127.0.0.1:9/', some)).toEqual({ ok: true });
    expect(checkOutboundUrl('http://127.0.0.2:9/', some)).toMatchObject({ ok: false });
    expect(checkOutboundUrl('http://[fd00::5]/', some)).toEqual({ ok: true });
    expect(checkOutboundUrl('http://169.254.169.254/', some)).toMatchObject({ ok: false });
  });

  it('reads WEBHOOK_ALLOW_PRIVATE and WEBHOOK_ALLOW_HOSTS, refusing a bad entry at start-up', () => {
    expect(loadConfig({}).webhookTargets).toEqual({ allowPrivate: false, allowHosts: [] });
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE: '1', WEBHOOK_ALLOW_HOSTS: ' hooks.lan , 10.0.0.0/8,' }).webhookTargets).toEqual({
      allowPrivate: true,
      allowHosts: ['hooks.lan', '10.0.0.0/8'],
    });
    expect(() => loadConfig({ WEBHOOK_ALLOW_HOSTS: '10.0.0.0/33' })).toThrow(/WEBHOOK_ALLOW_HOSTS/);
    expect(parseAllowEntry('http://x')).toBeNull();
    expect(parseAllowEntry('fd00::/8')).toEqual({ kind: 'net', address: 'fd00::', prefix: 8, family: 'ipv6' });
  });
});

describe('outbound fetch', () => {
  let receiver: Server;
  let port: number;
  let hits = 0;
  beforeAll(async () => {
    receiver = createServer((_req, res) => {
      hits++;
      res.end('ok');
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    port = (receiver.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  /** A resolver with one answer: the name a rebinding attacker's DNS server points at loopback by the time the socket opens. */
  const answers = (address: string): ConnectLookup => {
    return (_host, options, callback) => {
      if (options.all) callback(null, [{ address, family: 4 }]);
      else callback(null, address, 4);
    };
  };

  it('refuses a name that resolves to a public address at the check and to loopback when connecting (DNS rebinding)', async () => {
    const before = hits;
    const send = outboundFetch(strict, answers('127.0.0.1'));
    // Whatever an earlier check was told, this lookup, the one the socket uses, says 127.0.0.1.
    await expect(send(`http://rebind.example:${port}/hook`, { method: 'POST', body: '{}' })).rejects.toThrow(
      /Refused: rebind\.example .*127\.0\.0\.1/,
    );
    expect(hits).toBe(before);
  });

  it('connects through its own resolver to an address the policy allows', async () => {
    const before = hits;
    // The name does not exist in real DNS: the request arriving proves the checked resolver chose the address.
    const send = outboundFetch({ allowPrivate: false, allowHosts: ['127.0.0.1/32'] }, answers('127.0.0.1'));
    const res = await send(`http://rebind.example:${port}/hook`, { method: 'POST', body: '{}' });
    expect(await res.text()).toBe('ok');
    expect(hits).toBe(before + 1);
  });

  it('trusts a host allowed by name whatever it resolves to', async () => {
    const send = outboundFetch({ allowPrivate: false, allowHosts: ['hooks.lan'] }, answers('127.0.0.1'));
    expect((await send(`http://hooks.lan:${port}/`, {})).status).toBe(200);
  });
});
