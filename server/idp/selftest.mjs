// End-to-end self test for the Carnet local OIDC provider.
//
//   node server/idp/selftest.mjs
//
// Starts server.mjs as a child process on a free port (IDP_PORT=0), runs an
// authorization code + PKCE (S256) flow and a few negative checks over plain
// HTTP with fetch, prints "N passed, M failed" and exits non-zero on failure.

import { spawn } from 'node:child_process';
import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLIENT_ID = 'carnet-selftest';
const CLIENT_SECRET = 'selftest-secret';
const REDIRECT_URI = 'http://127.0.0.1:3000/auth/callback';
const POST_LOGOUT_URI = 'http://127.0.0.1:3000/logged-out';
const PASSWORD = 'carnet-demo';

let passed = 0;
let failed = 0;

function check(name, condition, detail) {
  if (condition) {
    passed += 1;
    console.log(`ok   - ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL - ${name}${detail !== undefined ? `\n       ${String(detail).slice(0, 500)}` : ''}`);
  }
}

// ---------------------------------------------------------------------------
// Child process
// ---------------------------------------------------------------------------

function startServer() {
  const child = spawn(process.execPath, [join(HERE, 'server.mjs')], {
    env: {
      ...process.env,
      IDP_PORT: '0',
      IDP_CLIENT_ID: CLIENT_ID,
      IDP_CLIENT_SECRET: CLIENT_SECRET,
      IDP_REDIRECT_URIS: `${REDIRECT_URI},http://127.0.0.1:3999/other`,
      IDP_POST_LOGOUT_REDIRECT_URIS: POST_LOGOUT_URI,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const ready = new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in time\n${stderr}`)), 20000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^carnet-idp listening on (http:\/\/127\.0\.0\.1:(\d+))$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ issuer: m[1], stdout: () => out });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited early (code ${code})\n${stderr}`));
    });
  });
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, ready, exited, stderr: () => stderr };
}

// ---------------------------------------------------------------------------
// Minimal cookie jar + HTTP helpers
// ---------------------------------------------------------------------------

class CookieJar {
  #cookies = new Map(); // key "name\0path" -> {name, value, path}

  store(url, response) {
    const { pathname } = new URL(url);
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attrs] = header.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = pathname.replace(/\/[^/]*$/, '') || '/';
      let expired = value === '';
      for (const attr of attrs) {
        const [k, v = ''] = attr.split('=');
        const key = k.toLowerCase();
        if (key === 'path') path = v || '/';
        if (key === 'max-age' && Number(v) <= 0) expired = true;
        if (key === 'expires' && Date.parse(v) <= Date.now()) expired = true;
      }
      const id = `${name}\0${path}`;
      if (expired) this.#cookies.delete(id);
      else this.#cookies.set(id, { name, value, path });
    }
  }

  header(url) {
    const { pathname } = new URL(url);
    return [...this.#cookies.values()]
      .filter((c) => pathname === c.path || pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) || c.path === '/')
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

async function request(jar, url, { method = 'GET', form, headers = {} } = {}) {
  const h = { ...headers };
  const cookie = jar?.header(url);
  if (cookie) h.cookie = cookie;
  let body;
  if (form) {
    h['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(form).toString();
  }
  const res = await fetch(url, { method, headers: h, body, redirect: 'manual' });
  jar?.store(url, res);
  const text = await res.text();
  return { status: res.status, headers: res.headers, location: res.headers.get('location'), text };
}

/** Follows redirects (GET) until a non-redirect, or a redirect to the RP. */
async function follow(jar, start, baseUrl) {
  let res = start;
  let url;
  for (let i = 0; i < 10 && res.status >= 300 && res.status < 400; i += 1) {
    url = new URL(res.location, baseUrl).href;
    if (url.startsWith('http://127.0.0.1:3000/')) {
      return { ...res, rpRedirect: new URL(url) };
    }
    res = await request(jar, url);
    baseUrl = url;
  }
  return { ...res, url };
}

function b64url(buf) {
  return Buffer.from(buf).toString('base64url');
}

function pkcePair() {
  const verifier = b64url(randomBytes(32));
  const challenge = b64url(createHash('sha256').update(verifier).digest());
  return { verifier, challenge };
}

function decodeJwt(jwt) {
  const [h, p, s] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString('utf8')),
    payload: JSON.parse(Buffer.from(p, 'base64url').toString('utf8')),
    signingInput: `${h}.${p}`,
    signature: Buffer.from(s, 'base64url'),
  };
}

function basicAuth(id = CLIENT_ID, secret = CLIENT_SECRET) {
  const enc = (s) => encodeURIComponent(s);
  return `Basic ${Buffer.from(`${enc(id)}:${enc(secret)}`).toString('base64')}`;
}

// ---------------------------------------------------------------------------
// Flow helpers
// ---------------------------------------------------------------------------

function authUrl(discovery, { challenge, state, nonce, uiLocales, extra = {} }) {
  const u = new URL(discovery.authorization_endpoint);
  const params = {
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: 'code',
    scope: 'openid profile ssin roles',
    state,
    nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...(uiLocales ? { ui_locales: uiLocales } : {}),
    ...extra,
  };
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined) u.searchParams.set(k, v);
  }
  return u.href;
}

async function startLogin(discovery, jar, opts) {
  const url = authUrl(discovery, opts);
  const first = await request(jar, url);
  return follow(jar, first, url);
}

function formAction(html, base) {
  const m = /<form[^>]*action="([^"]+)"/.exec(html);
  return m ? new URL(m[1].replace(/&amp;/g, '&'), base).href : undefined;
}

async function loginAndGetCode(discovery, jar, username, password = PASSWORD, opts = {}) {
  const { verifier, challenge } = pkcePair();
  const state = b64url(randomBytes(12));
  const nonce = b64url(randomBytes(12));
  const page = await startLogin(discovery, jar, { challenge, state, nonce, ...opts });
  const action = formAction(page.text, page.url);
  const post = await request(jar, action, { method: 'POST', form: { username, password } });
  const done = await follow(jar, post, action);
  return { verifier, state, nonce, page, done, code: done.rpRedirect?.searchParams.get('code') };
}

async function token(discovery, code, verifier, auth = basicAuth()) {
  const res = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: verifier,
    }).toString(),
  });
  return { status: res.status, json: await res.json().catch(() => ({})) };
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

async function run(issuer, serverStdout) {
  check('stdout is exactly the listening line',
    serverStdout() === `carnet-idp listening on ${issuer}\n`, JSON.stringify(serverStdout()));

  const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
  check('discovery issuer matches', discovery.issuer === issuer, discovery.issuer);
  check('discovery advertises S256 only', JSON.stringify(discovery.code_challenge_methods_supported) === '["S256"]');
  check('discovery has end_session_endpoint', typeof discovery.end_session_endpoint === 'string');
  check('discovery lists custom scopes',
    ['openid', 'profile', 'ssin', 'roles'].every((s) => discovery.scopes_supported.includes(s)));
  const jwks = await (await fetch(discovery.jwks_uri)).json();
  check('jwks has one RSA public key without private parts',
    jwks.keys.length === 1 && jwks.keys[0].kty === 'RSA' && !('d' in jwks.keys[0]));

  // PKCE is required.
  {
    const url = authUrl(discovery, { state: 's', nonce: 'n', challenge: undefined });
    const u = new URL(url);
    u.searchParams.delete('code_challenge');
    u.searchParams.delete('code_challenge_method');
    const res = await request(new CookieJar(), u.href);
    const loc = res.location ? new URL(res.location, issuer) : undefined;
    check('authorization request without PKCE is rejected',
      loc?.href.startsWith(REDIRECT_URI) && loc.searchParams.get('error') === 'invalid_request',
      res.location);
  }

  // Login page (English default) + wrong password.
  const jar = new CookieJar();
  const { verifier, challenge } = pkcePair();
  const state = b64url(randomBytes(12));
  const nonce = b64url(randomBytes(12));
  const page = await startLogin(discovery, jar, { challenge, state, nonce });
  check('login page served at /interaction/:uid', page.status === 200 && /\/interaction\/[\w-]+$/.test(new URL(page.url).pathname), page.url);
  check('login page is English with <main> and <h1>',
    page.text.includes('<html lang="en">') && page.text.includes('<main>')
      && page.text.includes('<h1>Log in to Carnet (demo identity provider)</h1>'));
  check('login page labels and inputs',
    page.text.includes('<label for="username">Username</label>')
      && page.text.includes('<label for="password">Password</label>')
      && /<input type="text" id="username" name="username"[^>]*autocomplete="username"/.test(page.text)
      && /<input type="password" id="password" name="password"[^>]*autocomplete="current-password"/.test(page.text));
  check('login page has "Log in" button', page.text.includes('<button type="submit">Log in</button>'));
  check('login page mentions demo password', page.text.includes('carnet-demo'));
  check('login page has no error initially', !page.text.includes('role="alert"'));

  const action = formAction(page.text, page.url);
  const bad = await request(jar, action, { method: 'POST', form: { username: 'sofie', password: 'wrong' } });
  check('wrong password re-renders the form with an alert',
    bad.status === 200 && /<p id="login-error" class="error" role="alert">Unknown username or password\.<\/p>/.test(bad.text), bad.text);
  check('wrong password keeps the typed username', /id="username" name="username" value="sofie"/.test(bad.text));

  const evil = await request(jar, action, { method: 'POST', form: { username: '"><script>x</script>', password: 'x' } });
  check('typed username is HTML-escaped',
    !evil.text.includes('<script>x</script>') && evil.text.includes('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"'));

  const good = await request(jar, action, { method: 'POST', form: { username: 'sofie', password: PASSWORD } });
  check('correct password redirects (303)', good.status === 303, good.status);
  const done = await follow(jar, good, action);
  const cb = done.rpRedirect;
  check('ends with redirect to the RP callback', cb?.href.startsWith(`${REDIRECT_URI}?`), done.location);
  check('callback carries state and iss', cb?.searchParams.get('state') === state && cb?.searchParams.get('iss') === issuer);
  const code = cb?.searchParams.get('code');
  check('callback carries a code', typeof code === 'string' && code.length > 10);

  // Wrong client secret.
  const badClient = await token(discovery, code, verifier, basicAuth(CLIENT_ID, 'nope'));
  check('wrong client secret -> 401 invalid_client', badClient.status === 401 && badClient.json.error === 'invalid_client', JSON.stringify(badClient));

  const tok = await token(discovery, code, verifier);
  check('token exchange succeeds', tok.status === 200 && typeof tok.json.id_token === 'string', JSON.stringify(tok.json));
  if (tok.json.id_token) {
    const jwt = decodeJwt(tok.json.id_token);
    const p = jwt.payload;
    const key = jwks.keys.find((k) => k.kid === jwt.header.kid);
    const sigOk = key && jwt.header.alg === 'RS256'
      && verify('RSA-SHA256', Buffer.from(jwt.signingInput), createPublicKey({ key, format: 'jwk' }), jwt.signature);
    check('ID token signature verifies against JWKS (RS256)', sigOk);
    check('ID token iss/aud/sub', p.iss === issuer && p.aud === CLIENT_ID && p.sub === 'sofie', JSON.stringify(p));
    check('ID token nonce', p.nonce === nonce);
    check('ID token ssin', p.ssin === '85041212468', p.ssin);
    check('ID token profile claims',
      p.name === 'Sofie Janssens' && p.given_name === 'Sofie' && p.family_name === 'Janssens' && p.birthdate === '1985-04-12',
      JSON.stringify(p));
    check('ID token roles', Array.isArray(p.roles) && p.roles.length === 1 && p.roles[0] === 'citizen', JSON.stringify(p.roles));
  }

  const reuse = await token(discovery, code, verifier);
  check('reusing the code fails with invalid_grant', reuse.status === 400 && reuse.json.error === 'invalid_grant', JSON.stringify(reuse));

  // SSO: the session lets a second authorization go straight through.
  {
    const pk = pkcePair();
    const url = authUrl(discovery, { challenge: pk.challenge, state: 's2', nonce: 'n2' });
    const res = await follow(jar, await request(jar, url), url);
    const code2 = res.rpRedirect?.searchParams.get('code');
    check('existing session: second authorization needs no login (no consent prompt)', Boolean(code2), res.url);
    const wrong = await token(discovery, code2, pkcePair().verifier);
    check('wrong code_verifier fails with invalid_grant', wrong.status === 400 && wrong.json.error === 'invalid_grant', JSON.stringify(wrong));
  }

  // RP-initiated logout.
  {
    const url = new URL(discovery.end_session_endpoint);
    url.searchParams.set('id_token_hint', tok.json.id_token);
    url.searchParams.set('post_logout_redirect_uri', POST_LOGOUT_URI);
    url.searchParams.set('state', 'bye');
    const lp = await request(jar, url.href);
    check('logout page renders (200, html lang en, <main>, <h1>)',
      lp.status === 200 && lp.text.includes('<html lang="en">') && lp.text.includes('<main>') && lp.text.includes('<h1>'), lp.text);
    check('logout page keeps provider form with xsrf input',
      /<form id="op\.logoutForm" method="post" action="[^"]+"><input type="hidden" name="xsrf" value="[^"]+"\/><\/form>/.test(lp.text));
    check('logout page has visible "Log out" button bound to the form',
      lp.text.includes('<button type="submit" form="op.logoutForm" name="logout" value="yes">Log out</button>'));
    check('logout page has auto-submit script allowed by CSP',
      /<script>[^<]*submit\(\)[^<]*<\/script>/.test(lp.text) && /script-src 'sha256-/.test(lp.headers.get('content-security-policy') || ''));
    const logoutAction = formAction(lp.text, url.href);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(lp.text)?.[1];
    const out = await request(jar, logoutAction, { method: 'POST', form: { xsrf, logout: 'yes' } });
    const loc = out.location ? new URL(out.location, issuer) : undefined;
    check('logout POST redirects to post_logout_redirect_uri with state',
      out.status >= 300 && out.status < 400 && loc?.origin + loc?.pathname === POST_LOGOUT_URI && loc.searchParams.get('state') === 'bye',
      `${out.status} ${out.location}`);

    const pk = pkcePair();
    const again = await startLogin(discovery, jar, { challenge: pk.challenge, state: 's3', nonce: 'n3' });
    check('after logout, authorization shows the login page again',
      again.status === 200 && again.text.includes('id="username"'));

    const badXsrf = await request(jar, logoutAction, { method: 'POST', form: { xsrf: 'forged', logout: 'yes' } });
    check('logout POST with bad xsrf is rejected', badXsrf.status === 400, badXsrf.status);
  }

  // Languages.
  for (const [locales, lang, button, label] of [
    ['nl-BE fr', 'nl', 'Aanmelden', 'Gebruikersnaam'],
    ['fr-BE', 'fr', 'Se connecter', 'Nom d’utilisateur'],
    ['es de', 'de', 'Anmelden', 'Benutzername'],
    ['es', 'en', 'Log in', 'Username'],
  ]) {
    const pk = pkcePair();
    const p = await startLogin(discovery, new CookieJar(), { challenge: pk.challenge, state: 's', nonce: 'n', uiLocales: locales });
    check(`ui_locales="${locales}" -> lang ${lang}, button "${button}"`,
      p.text.includes(`<html lang="${lang}">`) && p.text.includes(`<button type="submit">${button}</button>`)
        && p.text.includes(`<label for="username">${label}</label>`));
  }
  {
    const j = new CookieJar();
    const pk = pkcePair();
    const p = await startLogin(discovery, j, { challenge: pk.challenge, state: 's', nonce: 'n', uiLocales: 'nl' });
    const r = await request(j, formAction(p.text, p.url), { method: 'POST', form: { username: 'marc', password: 'x' } });
    check('Dutch error message', r.text.includes('Onbekende gebruikersnaam of wachtwoord.') && r.text.includes('<html lang="nl">'));
  }

  // Other accounts.
  for (const [username, expect] of [
    ['lotte', (p) => p.ssin === '92013014620' && JSON.stringify(p.roles) === '["citizen","helpdesk"]'],
    ['broken', (p) => p.ssin === '85041212469' && p.name === 'Test Invalid-Ssin'],
    ['nossin', (p) => !('ssin' in p) && p.name === 'Test No-Ssin' && p.birthdate === '1990-01-01'],
    ['maria', (p) => p.ssin === '41022703827' && p.family_name === 'Van den Bossche'],
    ['hostile', (p) => p.ssin === '77070712372' && p.name === 'Hostile <img src=x onerror=alert(1)> "\'><script>alert(1)</script> Tester'],
  ]) {
    const r = await loginAndGetCode(discovery, new CookieJar(), username);
    const t = r.code ? await token(discovery, r.code, r.verifier) : { json: {} };
    const p = t.json.id_token ? decodeJwt(t.json.id_token).payload : {};
    check(`account ${username}: expected claims`, p.sub === username && p.nonce === r.nonce && expect(p), JSON.stringify(p));
  }

  // Only the openid scope -> no profile/ssin/roles claims.
  {
    const r = await loginAndGetCode(discovery, new CookieJar(), 'sofie', PASSWORD, { extra: { scope: 'openid' } });
    const t = r.code ? await token(discovery, r.code, r.verifier) : { json: {} };
    const p = t.json.id_token ? decodeJwt(t.json.id_token).payload : {};
    check('scope=openid only: no ssin/name/roles in ID token', p.sub === 'sofie' && !('ssin' in p) && !('name' in p) && !('roles' in p), JSON.stringify(p));
  }

  // Unregistered redirect_uri is not redirected to.
  {
    const pk = pkcePair();
    const res = await request(new CookieJar(), authUrl(discovery, {
      challenge: pk.challenge, state: 's', nonce: 'n', extra: { redirect_uri: 'http://127.0.0.1:4444/evil' },
    }));
    check('unregistered redirect_uri -> error page, no redirect', res.status === 400 && !res.location && res.text.includes('<html lang="en">'), `${res.status} ${res.location}`);
  }
}

const srv = startServer();
let exitCode = 1;
try {
  const { issuer, stdout } = await srv.ready;
  console.log(`server: ${issuer}`);
  await run(issuer, stdout);
} catch (err) {
  failed += 1;
  console.log(`FAIL - unexpected error: ${err?.stack || err}`);
} finally {
  if (srv.child.exitCode === null) {
    srv.child.kill('SIGTERM');
    const timer = setTimeout(() => srv.child.kill('SIGKILL'), 3000);
    const { code, signal } = await srv.exited;
    clearTimeout(timer);
    check('server exits cleanly on SIGTERM', code === 0, `code=${code} signal=${signal}\n${srv.stderr()}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  exitCode = failed === 0 ? 0 : 1;
}
process.exit(exitCode);
