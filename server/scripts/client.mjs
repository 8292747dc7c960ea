// The HTTP client the scripts share (node, no dependencies): bench.mjs, load.mjs and
// lighthouse/run.mjs. One request function (with timings), a cookie jar, and a login
// through the identity provider's form, as a browser makes it, that ends with the portal's
// session cookie. Loopback only: every URL must be http://127.0.0.1.
import http from 'node:http';

/** The demo users' password. */
export const DEMO_PASSWORD = 'carnet-demo';

/** The URL, parsed; throws unless it is on 127.0.0.1. */
export function loopback(url) {
  const u = new URL(url);
  if (u.hostname !== '127.0.0.1') throw new Error(`not a loopback URL: ${url}`);
  return u;
}

/**
 * One request; resolves with status, headers, body and timings (ms since the request:
 * ttfb at the response's headers, ttlb at its end). `agent` defaults to a new connection per
 * request; `timeout` (ms, none by default) gives up on a request that has been idle that long.
 * A failure rejects, unless `settle`: then it resolves with status 0 and what failed as the
 * body (a response cut off midway says so, with the end of what came), ttlb at the failure.
 */
export function request(url, { method = 'GET', headers = {}, body, agent = false, timeout, settle = false } = {}) {
  const u = loopback(url);
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let firstByte = 0;
    const failed = (e) => (settle ? resolve({ status: 0, headers: {}, body: String(e), ttfb: firstByte, ttlb: performance.now() - start }) : reject(e));
    const req = http.request(u, { method, headers, agent }, (res) => {
      firstByte = performance.now() - start;
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString(), ttfb: firstByte, ttlb: performance.now() - start }),
      );
      // A response cut off midway (its headers were sent) is a failure of its own kind.
      if (settle) {
        res.on('aborted', () => resolve({ status: 0, headers: res.headers, body: `cut off after ${res.statusCode}: ${Buffer.concat(chunks).toString().slice(-300)}`, ttfb: firstByte, ttlb: performance.now() - start }));
      }
      res.on('error', failed);
    });
    if (timeout) req.setTimeout(timeout, () => req.destroy(new Error('timeout')));
    req.on('error', failed);
    if (body) req.write(body);
    req.end();
  });
}

/** A cookie jar per host, as a browser keeps one. */
export class Jar {
  constructor() { this.cookies = new Map(); }
  /** The Cookie header for a request to `url`. */
  header(url) {
    const host = new URL(url).host;
    return [...(this.cookies.get(host) ?? new Map())].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  /** Keeps the cookies a response from `url` set (and drops those it expired). */
  take(url, res) {
    const host = new URL(url).host;
    const jar = this.cookies.get(host) ?? new Map();
    for (const line of res.headers['set-cookie'] ?? []) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line)) jar.delete(pair.slice(0, eq).trim());
      else jar.set(pair.slice(0, eq).trim(), value);
    }
    this.cookies.set(host, jar);
  }
  /** One request with the jar's cookies (`options` as for request); keeps those it sets. */
  async send(url, options = {}) {
    const headers = { ...(options.headers ?? {}), cookie: this.header(url) };
    const res = await request(url, { ...options, headers });
    this.take(url, res);
    return res;
  }
}

/**
 * Logs one user in through the provider's login form; returns the portal's session cookie.
 * `jar` keeps every cookie of the way (a browser session that goes on browsing passes its
 * own); the other options are request's, for every request of the way.
 */
export async function login(portal, username, password, { jar = new Jar(), ...options } = {}) {
  let res = await jar.send(`${portal}/auth/login`, options);
  let url = new URL(res.headers.location, portal).href;
  for (let step = 0; step < 10; step++) {
    res = await jar.send(url, options);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.location, url).href;
    } else {
      const action = /action="([^"]+)"/.exec(res.body)?.[1];
      if (!action) throw new Error(`no login form at ${url} (${res.status})`);
      const body = new URLSearchParams({ username, password }).toString();
      res = await jar.send(new URL(action.replaceAll('&amp;', '&'), url).href, {
        ...options,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
        body,
      });
      url = new URL(res.headers.location, url).href;
    }
    if (url.startsWith(portal)) {
      res = await jar.send(url, options);
      const session = jar.cookies.get(new URL(portal).host)?.get('carnet_session');
      if (!session || res.status >= 400) throw new Error(`login of ${username} failed (${res.status})`);
      return session;
    }
  }
  throw new Error(`login of ${username} did not come back to the portal`);
}
