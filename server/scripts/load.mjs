// The load and soak tool (node, no dependencies), driven by soak.sh:
//   node load.mjs run <portal> <seconds> <sessions> <out dir>
//       logs in <sessions> demo sessions of every role (citizens on their own record,
//       a parent acting for a child, a trusted person under a mandate, helpdesk agents
//       holding a support code) and has them browse the record pages, the control pages
//       and act for others until <seconds> have passed. Prints requests/s, p50/p99 and
//       errors as JSON; writes every data page's request id to <out dir>/requests.jsonl.
//   node load.mjs check <out dir> <audit.tsv>
//       compares the audit log (request id, action, outcome per line) with the requests:
//       every data page has its entries, no kind of data is written twice for one page
//       view, and the kinds a page view read are the ones that page reads.
// Loopback only: every URL must be http://127.0.0.1.
import http from 'node:http';
import { writeFileSync, readFileSync, appendFileSync } from 'node:fs';
import { DEMO_PASSWORD, loopback, Jar, login } from './client.mjs';

const agent = new http.Agent({ keepAlive: true, maxSockets: 400 });
// Every request of the load: kept-alive connections, 30 s at most, a failure counted as status 0.
const HTTP = { agent, timeout: 30000, settle: true };

/** A browser: a cookie jar and the portal's origin (state-changing requests carry it). */
class Browser {
  constructor(portal) { this.portal = portal; this.jar = new Jar(); }
  go(url, options = {}) { return this.jar.send(url, { ...options, ...HTTP }); }
  get(path) { return this.go(`${this.portal}${path}`); }
  /** Posts a form of `page` (its CSRF token) to `path`. */
  post(path, page, fields) {
    const csrf = field(page, 'csrf');
    const body = new URLSearchParams([['csrf', csrf], ...fields]).toString();
    return this.go(`${this.portal}${path}`, {
      method: 'POST',
      headers: { origin: this.portal, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
      body,
    });
  }
  login(username) { return login(this.portal, username, DEMO_PASSWORD, { jar: this.jar, ...HTTP }); }
}

const unescape = (v) => v.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#x27;', "'");
function field(page, name) {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1];
  return value === undefined ? '' : unescape(value);
}

// What each role browses. Own-record pages read their kinds of data of the person's own
// record; acting roles read another person's.
const CITIZEN_PAGES = ['/dashboard', '/vaccinations', '/documents', '/medication', '/summary', '/access-log',
  '/consent', '/care-team', '/exclusions', '/who-can-see', '/mandates', '/support', '/glossary'];
const ACTING_PAGES = ['/dashboard', '/vaccinations', '/documents', '/medication', '/summary'];
const HELPDESK_PAGES = ['/helpdesk', '/medication', '/vaccinations'];
// Pages that read no one's data (no audit entry expected).
const NO_DATA = new Set(['/glossary', '/mandates', '/support', '/helpdesk', '/who-can-see']);
// The kinds some pages read, known in advance (the others are learnt from their first view).
const KNOWN = {
  '/dashboard': ['access-events', 'allergies', 'consent', 'documents', 'medication', 'relationships', 'vaccinations'],
  '/vaccinations': ['vaccinations'],
  '/documents': ['documents'],
  '/medication': ['medication'],
};

const CITIZENS = ['sofie', 'maria', 'jonas'];
const SSIN = { sofie: '85041212468', maria: '41022703827', jonas: '99092109559' };

/** A session of one role, logged in and ready to browse. */
async function start(portal, i, stats) {
  const b = new Browser(portal);
  const slot = i % 20;
  // 2 in 20 parents, 2 trusted persons, 1 helpdesk agent, 15 citizens.
  if (slot < 2) {
    // One parent session in two acts for each child.
    const child = slot === 0 ? /<h2>Emma/ : /<h2>Lucas/;
    await b.login('marc');
    await openRecord(b, stats, child);
    return { b, role: 'parent', pages: ACTING_PAGES, user: `marc:${slot}`, record: child };
  }
  if (slot < 4) {
    await b.login('pieter');
    await openRecord(b, stats, /<h2>Maria/);
    return { b, role: 'trusted', pages: ACTING_PAGES, user: 'pieter', record: /<h2>Maria/ };
  }
  if (slot === 4) {
    const citizen = CITIZENS[Math.floor(i / 20) % CITIZENS.length];
    const code = await supportCode(portal, citizen);
    const agentName = Math.floor(i / 20) % 2 === 0 ? 'lotte' : 'karim';
    await b.login(agentName);
    const page = (await b.get('/helpdesk')).body;
    const res = await b.post('/helpdesk/redeem', page, [['citizen', SSIN[citizen]], ['code', code]]);
    if (res.headers.location !== '/helpdesk?done=redeemed') throw new Error(`redeem: ${res.status} ${res.headers.location}`);
    return { b, role: 'helpdesk', pages: HELPDESK_PAGES, user: agentName };
  }
  const user = CITIZENS[i % CITIZENS.length];
  await b.login(user);
  return { b, role: 'citizen', pages: CITIZEN_PAGES, user };
}

async function openRecord(b, stats, who, during = false) {
  const res0 = await b.get('/act-for');
  const page = res0.body;
  const cards = page.split('<li class="card">').filter((c) => who.test(c) && c.includes('name="person"'));
  if (cards.length === 0) {
    // While browsing, a failed page is counted; at the start, nothing can go on without it.
    if (during) return stats.count(res0, -1);
    throw new Error(`nobody to act for (${res0.status})`);
  }
  const card = cards[0];
  const person = unescape(/name="person" value="([^"]*)"/.exec(card)[1]);
  const res = await b.post('/act-for', page, [['person', person]]);
  stats.count(res, 303);
}

/** A support code the citizen makes for their medication and vaccinations. */
async function supportCode(portal, citizen) {
  const b = new Browser(portal);
  await b.login(citizen);
  const page = (await b.get('/support')).body;
  const res = await b.post('/support/issue', page, [['key', field(page, 'key')], ['scope', 'medication'], ['scope', 'vaccinations']]);
  if (res.status !== 303) throw new Error(`support code: ${res.status}`);
  const shown = (await b.get('/support')).body;
  const code = shown.split('class="support-code__value"')[1]?.split('<span aria-hidden="true">')[1]?.split('<')[0];
  if (!code) throw new Error('no support code shown');
  return code;
}

class Stats {
  constructor() { this.latencies = []; this.errors = []; this.requests = 0; this.byStatus = {}; this.bare = 0; }
  count(res, expected = 200) {
    this.requests++;
    this.latencies.push(res.ttlb);
    this.byStatus[res.status] = (this.byStatus[res.status] ?? 0) + 1;
    // A server error must be the translated problem page, never a bare one.
    if (res.status >= 500 && !res.body.includes('data-code="error-')) this.bare++;
    if (res.status !== expected) this.errors.push(`${res.status} (expected ${expected}): ${res.body.slice(0, 300).replace(/\s+/g, ' ')}`);
  }
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

async function run(portal, seconds, sessions, out) {
  loopback(portal);
  const stats = new Stats();
  const requestsFile = `${out}/requests.jsonl`;
  writeFileSync(requestsFile, '');
  // Ten logins at a time.
  const users = new Array(sessions);
  let next = 0;
  await Promise.all(Array.from({ length: 10 }, async () => {
    while (next < sessions) {
      const i = next++;
      users[i] = await start(portal, i, stats);
    }
  }));
  // Told to soak.sh: the sessions are in, browsing starts.
  writeFileSync(`${out}/browsing`, '');
  const started = performance.now();
  const until = started + seconds * 1000;
  const lines = [];
  await Promise.all(users.map(async (u, i) => {
    let n = i;
    while (performance.now() < until) {
      n++;
      // Now and then a parent or trusted person goes back to their own record and opens
      // the other one again (two state changes, audited).
      if ((u.role === 'parent' || u.role === 'trusted') && n % 25 === 0) {
        const page = (await u.b.get('/dashboard')).body;
        stats.count(await u.b.post('/act-for/self', page, []), 303);
        await openRecord(u.b, stats, u.record, true);
        continue;
      }
      const path = u.pages[n % u.pages.length];
      const res = await u.b.get(path);
      stats.count(res);
      // A portal that is down (a crash test) is not hammered meanwhile.
      if (res.status === 0 || res.status >= 500) await pause(100);
      if (!NO_DATA.has(path)) lines.push(JSON.stringify({ rid: res.headers['x-request-id'], path, role: u.role, user: u.user, status: res.status }));
      if (lines.length >= 1000) appendFileSync(requestsFile, lines.splice(0).join('\n') + '\n');
    }
  }));
  if (lines.length) appendFileSync(requestsFile, lines.join('\n') + '\n');
  const elapsed = (performance.now() - started) / 1000;
  const sorted = [...stats.latencies].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
  const roles = {};
  for (const u of users) roles[u.role] = (roles[u.role] ?? 0) + 1;
  console.log(JSON.stringify({
    sessions, roles, seconds: elapsed, requests: stats.requests, rps: stats.requests / elapsed,
    p50: pct(0.5), p99: pct(0.99), errors: stats.errors.length, bare_server_errors: stats.bare, by_status: stats.byStatus,
    first_errors: stats.errors.slice(0, 5),
  }));
  agent.destroy();
}

function check(out, auditFile) {
  const requests = readFileSync(`${out}/requests.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const entries = new Map();
  for (const line of readFileSync(auditFile, 'utf8').split('\n').filter(Boolean)) {
    const [rid, action, outcome] = line.split('\t');
    if (!entries.has(rid)) entries.set(rid, []);
    entries.get(rid).push({ action, outcome });
  }
  const problems = [];
  const learnt = new Map();
  let accesses = 0;
  let audited = 0;
  for (const r of requests) {
    if (r.status !== 200) continue;
    const mine = entries.get(r.rid) ?? [];
    const scopes = mine.filter((e) => e.action.startsWith('read:')).flatMap((e) => e.action.slice(5).split(','));
    audited += scopes.length;
    const twice = scopes.filter((s, i) => scopes.indexOf(s) !== i);
    if (mine.length === 0) problems.push(`${r.path} (${r.role}) ${r.rid}: no audit entry`);
    if (twice.length) problems.push(`${r.path} (${r.role}) ${r.rid}: ${twice.join(',')} written twice`);
    const got = [...new Set(scopes)].sort().join(',');
    const key = `${r.role}:${r.user}:${r.path}`;
    const expected = r.role === 'citizen' && KNOWN[r.path] ? KNOWN[r.path].join(',') : learnt.get(key);
    if (expected === undefined) learnt.set(key, got);
    else if (expected !== got) problems.push(`${r.path} (${r.role}) ${r.rid}: read ${got}, expected ${expected}`);
    accesses += (expected ?? got).split(',').filter(Boolean).length;
  }
  console.log(JSON.stringify({ page_views: requests.length, data_accesses: accesses, audited_accesses: audited, problems: problems.length, first_problems: problems.slice(0, 10) }));
  if (problems.length || accesses !== audited) process.exit(1);
}

const [command, ...args] = process.argv.slice(2);
if (command === 'run') await run(args[0], Number(args[1]), Number(args[2]), args[3]);
else if (command === 'check') check(args[0], args[1]);
else {
  console.error('usage: node load.mjs run <portal> <seconds> <sessions> <out dir> | check <out dir> <audit.tsv>');
  process.exit(2);
}
