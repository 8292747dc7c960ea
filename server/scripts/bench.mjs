// The benchmark's HTTP side (node, no dependencies), driven by bench.sh:
//   node bench.mjs login <portal> <count> <file>     log in <count> sessions, one cookie per line
//   node bench.mjs timing <portal> <cookie> <runs> [gap ms]   dashboard TTFB and TTLB (ms), median and max, JSON
//   node bench.mjs save <portal> <cookie> <file>     the dashboard's HTML, for nginx to serve
// Loopback only: every URL must be http://127.0.0.1.
import { writeFileSync } from 'node:fs';
import { DEMO_PASSWORD, loopback, request, login } from './client.mjs';

// Demo citizens with data; sessions go round them.
const USERS = ['sofie', 'marc', 'maria', 'pieter', 'jonas', 'lotte'];

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
      cookies[i] = await login(portal, USERS[i % USERS.length], DEMO_PASSWORD);
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
