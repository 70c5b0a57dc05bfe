import dns from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import net from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import type { LocalizedText } from '@concord/contracts';
import { AppError } from './errors.ts';

/**
 * Where user-given URLs (base webhooks, automation webhooks) may send requests. Without it anyone who may add a webhook
 * could make the server call its own loopback services, the private network or the cloud metadata endpoint
 * (169.254.169.254): server-side request forgery.
 */
export interface OutboundPolicy {
  /** WEBHOOK_ALLOW_PRIVATE: every address is allowed (a receiver on the same machine or network). */
  allowPrivate: boolean;
  /** WEBHOOK_ALLOW_HOSTS: host names (lower case), addresses and CIDR ranges allowed although private. */
  allowHosts: readonly string[];
}

/** Loopback, link-local, private, unspecified, multicast and reserved ranges. IPv4-mapped IPv6 (::ffff:a.b.c.d) matches the IPv4 rules. */
const BLOCKED = new net.BlockList();
for (const [address, prefix, family] of [
  ['0.0.0.0', 8, 'ipv4'], // "this network"; 0.0.0.0 reaches the local host
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'], // carrier-grade NAT, private in practice
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'], // link-local, cloud metadata
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'], // multicast
  ['240.0.0.0', 4, 'ipv4'], // reserved and broadcast
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'], // unique local
  ['fe80::', 10, 'ipv6'], // link-local
  ['ff00::', 8, 'ipv6'], // multicast
] as const)
  BLOCKED.addSubnet(address, prefix, family);

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,62})(\.[a-z0-9_]([a-z0-9_-]{0,62}))*\.?$/i;

/** One WEBHOOK_ALLOW_HOSTS entry: `10.0.0.0/8`, `fd00::/8`, `10.1.2.3` or `hooks.internal`; null when it is none of these. */
export function parseAllowEntry(
  entry: string,
): { kind: 'net'; address: string; prefix: number; family: 'ipv4' | 'ipv6' } | { kind: 'host'; name: string } | null {
  const [address = '', prefix, ...rest] = entry.trim().split('/');
  const version = net.isIP(address);
  if (version) {
    const max = version === 4 ? 32 : 128;
    const bits = prefix === undefined ? max : Number(prefix);
    if (rest.length || !/^\d+$/.test(String(bits)) || bits > max) return null;
    return { kind: 'net', address, prefix: bits, family: version === 4 ? 'ipv4' : 'ipv6' };
  }
  return prefix === undefined && HOST_NAME.test(address) ? { kind: 'host', name: address.toLowerCase().replace(/\.$/, '') } : null;
}

export type OutboundCheck = { ok: true } | { ok: false; reason: 'scheme' | 'private_address' | 'unresolvable'; text: LocalizedText };

const ALLOW_HINT = 'an administrator can allow it with WEBHOOK_ALLOW_HOSTS or WEBHOOK_ALLOW_PRIVATE';
const ALLOW_HINT_ZH = '管理员可通过 WEBHOOK_ALLOW_HOSTS 或 WEBHOOK_ALLOW_PRIVATE 放行';

const refusedAddress = (host: string, address: string): Extract<OutboundCheck, { ok: false }> => ({
  ok: false,
  reason: 'private_address',
  text: {
    en: `${host} is a loopback, link-local or private network address (${address}); ${ALLOW_HINT}`,
    zh: `${host} 指向本机、链路本地或内网地址（${address}），不允许作为 Webhook 地址；${ALLOW_HINT_ZH}`,
  },
});

function allowLists(policy: OutboundPolicy): { names: Set<string>; nets: net.BlockList } {
  const names = new Set<string>();
  const nets = new net.BlockList();
  for (const raw of policy.allowHosts) {
    const entry = parseAllowEntry(raw);
    if (entry?.kind === 'host') names.add(entry.name);
    else if (entry) nets.addSubnet(entry.address, entry.prefix, entry.family);
  }
  return { names, nets };
}

/** A URL's or socket's host as the allow-list holds it: no IPv6 brackets or trailing dot, lower case. */
const hostName = (host: string) =>
  host
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();

function addressAllowed(address: string, lists: { nets: net.BlockList }): boolean {
  const family = net.isIP(address) === 6 ? 'ipv6' : 'ipv4';
  return !BLOCKED.check(address, family) || lists.nets.check(address, family);
}

/** The first of a name's addresses the policy refuses, if any. */
const firstRefused = (addresses: readonly { address: string }[], lists: { nets: net.BlockList }) =>
  addresses.find((a) => !addressAllowed(a.address, lists))?.address;

/**
 * What can be told without DNS: the scheme is http(s) and a literal IP address (or `localhost`) is not private. For
 * checks when a webhook is saved; delivery also resolves the name (`resolveOutboundUrl`).
 */
export function checkOutboundUrl(raw: string, policy: OutboundPolicy): OutboundCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'scheme', text: { en: `${raw} is not a URL`, zh: `${raw} 不是有效的网址` } };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return {
      ok: false,
      reason: 'scheme',
      text: { en: `${url.protocol} URLs are not allowed; use http or https`, zh: `不支持 ${url.protocol} 地址，请使用 http 或 https` },
    };
  if (policy.allowPrivate) return { ok: true };
  const host = hostName(url.hostname);
  const lists = allowLists(policy);
  if (lists.names.has(host)) return { ok: true };
  // localhost and its subdomains always resolve to loopback (RFC 6761).
  if (host === 'localhost' || host.endsWith('.localhost')) return refusedAddress(host, 'loopback');
  if (net.isIP(host) && !addressAllowed(host, lists)) return refusedAddress(host, host);
  return { ok: true };
}

export type Lookup = (host: string, options: { all: true; verbatim: true }) => Promise<{ address: string; family: number }[]>;

/**
 * The delivery-time check: `checkOutboundUrl`, then every address the host resolves to now (DNS may have changed since
 * the webhook was saved) must be allowed. A host allowed by name in WEBHOOK_ALLOW_HOSTS is trusted whatever it resolves
 * to. It gives the clear reason; `outboundFetch` checks the addresses it actually connects to, so a name that flips
 * between the two lookups (DNS rebinding) is refused too.
 */
export async function resolveOutboundUrl(raw: string, policy: OutboundPolicy, lookup: Lookup = dnsLookup): Promise<OutboundCheck> {
  const first = checkOutboundUrl(raw, policy);
  if (!first.ok || policy.allowPrivate) return first;
  const host = hostName(new URL(raw).hostname);
  const lists = allowLists(policy);
  if (lists.names.has(host) || net.isIP(host)) return first;
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch (err) {
    const why = (err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err));
    return { ok: false, reason: 'unresolvable', text: { en: `Cannot resolve ${host} (${why})`, zh: `无法解析域名 ${host}（${why}）` } };
  }
  const refused = firstRefused(addresses, lists);
  return refused ? refusedAddress(host, refused) : { ok: true };
}

/** The 400 a webhook or automation save answers when its URL may not be called. */
export function outboundRefused(check: Extract<OutboundCheck, { ok: false }>, where: string): AppError {
  return new AppError(
    'validation',
    'webhook.url_not_allowed',
    { en: `${where}: ${check.text.en}`, zh: `${where}：${check.text.zh}` },
    { where, reason: check.reason },
  );
}

/** `dns.lookup` with a callback, as `net.connect` calls it (`all` is set when Node tries several addresses in turn). */
export type ConnectLookup = (
  host: string,
  options: dns.LookupOptions,
  callback: (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void,
) => void;

/** A connect-time resolver that refuses names resolving to a blocked address, so the socket opens only to checked addresses. */
export function guardedLookup(policy: OutboundPolicy, lookup: ConnectLookup = dns.lookup as ConnectLookup): ConnectLookup {
  const lists = allowLists(policy);
  return (host, options, callback) => {
    const name = hostName(host);
    if (policy.allowPrivate || lists.names.has(name)) return lookup(host, options, callback);
    lookup(host, { ...options, all: true }, (err, found) => {
      if (err) return callback(err, '');
      const addresses = found as dns.LookupAddress[];
      const refused = firstRefused(addresses, lists);
      const first = addresses[0];
      if (refused || !first) {
        const reason = refusedAddress(name, refused ?? 'none').text.en;
        return callback(Object.assign(new Error(`Refused: ${reason}`), { code: 'EADDRNOTALLOWED' }), '');
      }
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

const agents = new WeakMap<OutboundPolicy, Agent>();

/**
 * `fetch` for user-given URLs: connections go only to addresses the policy allows, checked on the addresses the socket
 * really uses. One keep-alive pool per policy. A refusal rejects like a network error, with the reason as its message.
 */
export function outboundFetch(policy: OutboundPolicy, lookup?: ConnectLookup): typeof fetch {
  let agent = lookup ? undefined : agents.get(policy);
  if (!agent) {
    agent = new Agent({ connect: { lookup: guardedLookup(policy, lookup) } });
    if (!lookup) agents.set(policy, agent);
  }
  const dispatcher = agent;
  return async (input, init) => {
    try {
      // undici's own fetch, so the dispatcher is the same undici that built it; the shapes are the standard ones.
      return await undiciFetch(input, { ...init, dispatcher });
    } catch (err) {
      // "fetch failed" says nothing; the cause says which address was refused or why the connection failed.
      const cause = (err as { cause?: unknown }).cause;
      throw cause instanceof Error ? cause : err;
    }
  };
}
