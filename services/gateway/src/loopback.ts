/**
 * Whether the gateway and a request are both local. The keyless local owner and the unauthenticated /metrics exist
 * only then: the gateway listens on a loopback address, the client's address is loopback (behind a proxy named in
 * TRUST_PROXY, the address it forwards), and the request's Host header names loopback. A page on another site can make
 * a browser send requests to 127.0.0.1 (its own DNS name resolving there: DNS rebinding), but the browser then sends
 * that site's name as Host, which this refuses.
 */
import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/** The listen address is loopback: 127.0.0.0/8, ::1 (or its IPv4-mapped form), or localhost. */
export function listensOnLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1') return true;
  const v4 = h.startsWith('::ffff:') ? h.slice(7) : h;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

// Anchored, one optional bounded group: no backtracking over a hostile header.
const LOOPBACK_HOST = /^(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?$/i;

/** The Host header (or an Origin's host part) names loopback: localhost, 127.0.0.1 or [::1], with any port. */
export function namesLoopback(host: string | undefined): boolean {
  return host !== undefined && host.length <= 64 && LOOPBACK_HOST.test(host);
}

/** An Origin header's host part (scheme://HOST[:port]), or null when it is not a URL with a host. */
export function originHost(origin: string): string | null {
  if (origin.length > 300) return null;
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host : null;
  } catch {
    return null;
  }
}

/** Compares two secrets in constant time. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A client address (req.ip) on this machine: 127.0.0.0/8 or ::1, in either form. */
export function isLoopbackClient(ip: string): boolean {
  return ip !== 'localhost' && listensOnLoopback(ip);
}

export type LocalVerdict = 'local' | 'keys_required' | 'client_not_local' | 'host_not_local' | 'origin_not_allowed';

/**
 * Whether a request without a key may act as this machine's user: AUTH=optional, the gateway on loopback, a client
 * on loopback, a loopback Host, and no Origin of another site (a page elsewhere can post a form here; its answer is
 * unreadable to it, but the side effect would happen). Otherwise why not. `ip` is the client address as Fastify reads
 * it: the socket's, or with TRUST_PROXY the one a trusted proxy forwards, so a remote caller that a proxy on this
 * machine relays is not taken for the local user.
 */
export function localVerdict(
  config: { AUTH: 'optional' | 'required'; HOST: string; CORS_ORIGINS: string[] },
  req: { ip: string; headers: { host?: string; origin?: string } },
): LocalVerdict {
  if (config.AUTH === 'required' || !listensOnLoopback(config.HOST)) return 'keys_required';
  if (!isLoopbackClient(req.ip)) return 'client_not_local';
  if (!namesLoopback(req.headers.host)) return 'host_not_local';
  const origin = req.headers.origin;
  if (origin !== undefined && !config.CORS_ORIGINS.includes(origin) && !namesLoopback(originHost(origin) ?? undefined)) return 'origin_not_allowed';
  return 'local';
}
