// The benchmark's HTTP side (node, no dependencies), driven by bench.sh:
//   node bench.mjs login <portal> <count> <file>     log in <count> sessions, one cookie per line
//   node bench.mjs timing <portal> <cookie> <runs> [gap ms]   dashboard TTFB and TTLB (ms), median and max, JSON
//   node bench.mjs save <portal> <cookie> <file>     the dashboard's HTML, for nginx to serve
// Loopback only: every URL must be http://127.0.0.1.
import http from 'node:http';
import { writeFileSync } from 'node:fs';

const PASSWORD = 'carnet-demo';
// Demo citizens with data; sessions go round them.
const USERS = ['sofie', 'marc', 'maria', 'pieter', 'jonas', 'lotte'];

function loopback(url) {
  const u = new URL(url);
  if (u.hostname !== '127.0.0.1') throw new Error(`not a loopback URL: ${url}`);
  return u;
}

/** One request; resolves with status, headers, body and timings (ms since the request). */
function request(url, { method = 'GET', headers = {}, body } = {}) {
  const u = loopback(url);
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let firstByte = 0;
    const req = http.request(u, { method, headers, agent: false }, (res) => {
      firstByte = performance.now() - start;
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString(), ttfb: firstByte, ttlb: performance.now() - start }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

/** A cookie jar per host. */
class Jar {
  constructor() { this.cookies = new Map(); }
  header(url) {
    const host = new URL(url).host;
    return [...(this.cookies.get(host) ?? new Map())].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  take(url, res) {
    const host = new URL(url).host;
    const jar = this.cookies.get(host) ?? new Map();
    for (const line of res.headers['set-cookie'] ?? []) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    this.cookies.set(host, jar);
  }
}

async function follow(jar, url, options = {}) {
  const headers = { ...(options.headers ?? {}), cookie: jar.header(url) };
  const res = await request(url, { ...options, headers });
  jar.take(url, res);
  return res;
}

/** Logs one user in through the provider's login form; returns the portal's session cookie. */
async function login(portal, username) {
  const jar = new Jar();
  let res = await follow(jar, `${portal}/auth/login`);
  let url = new URL(res.headers.location, portal).href;
  for (let step = 0; step < 10; step++) {
    res = await follow(jar, url);
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.location, url).href;
    } else {
      const action = /action="([^"]+)"/.exec(res.body)?.[1];
      if (!action) throw new Error(`no login form at ${url} (${res.status})`);
      const body = new URLSearchParams({ username, password: PASSWORD }).toString();
      res = await follow(jar, new URL(action.replaceAll('&amp;', '&'), url).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
        body,
      });
      url = new URL(res.headers.location, url).href;
    }
    if (url.startsWith(portal)) {
      res = await follow(jar, url);
      const session = jar.cookies.get(new URL(portal).host)?.get('carnet_session');
      if (!session || res.status >= 400) throw new Error(`login of ${username} failed (${res.status})`);
      return session;
    }
  }
  throw new Error(`login of ${username} did not come back to the portal`);
}

async function dashboard(portal, cookie) {
  const res = await request(`${portal}/dashboard`, { headers: { cookie: `carnet_session=${cookie}` } });
  if (res.status !== 200) throw new Error(`dashboard: ${res.status}`);
  return res;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const [command, portal, arg, out, gap] = process.argv.slice(2);
loopback(portal);
if (command === 'login') {
  // Ten logins at a time (the provider and the portal on the same 2 cores).
  const cookies = new Array(Number(arg));
  let next = 0;
  await Promise.all(Array.from({ length: 10 }, async () => {
    while (next < cookies.length) {
      const i = next++;
      cookies[i] = await login(portal, USERS[i % USERS.length]);
    }
  }));
  writeFileSync(out, cookies.join('\n') + '\n');
} else if (command === 'timing') {
  const runs = [];
  for (let i = 0; i < Number(out); i++) {
    // An idle gap before each run, as a slow source makes between requests.
    if (gap) await new Promise((r) => setTimeout(r, Number(gap)));
    runs.push(await dashboard(portal, arg));
  }
  const ttfb = runs.map((r) => r.ttfb);
  const ttlb = runs.map((r) => r.ttlb);
  console.log(JSON.stringify({ ttfb: median(ttfb), ttlb: median(ttlb), ttfbMax: Math.max(...ttfb), ttlbMax: Math.max(...ttlb), bytes: runs[0].body.length }));
} else if (command === 'save') {
  const res = await dashboard(portal, arg);
  writeFileSync(out, res.body);
} else {
  console.error('usage: node bench.mjs login|timing|save <portal> …');
  process.exit(2);
}
