// Carnet local OpenID Connect provider — for development and tests only.
//
//   node server/idp/server.mjs
//
// Environment:
//   IDP_PORT                        port on 127.0.0.1 (default 3002; 0 = pick a free port)
//   IDP_CLIENT_ID                   default "carnet-local"
//   IDP_CLIENT_SECRET               default "carnet-local-secret"
//   IDP_REDIRECT_URIS               comma-separated, default "http://127.0.0.1:3000/auth/callback"
//   IDP_POST_LOGOUT_REDIRECT_URIS   comma-separated, default "http://127.0.0.1:3000/logged-out"
//
// When ready, prints exactly one line to stdout:
//   carnet-idp listening on http://127.0.0.1:<port>
// Everything else (oidc-provider notices, errors) goes to stderr.

import { createHash, generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';

// oidc-provider prints its NOTICE lines with console.info (stdout). Keep stdout
// reserved for the single "listening" line that tests parse.
console.info = (...args) => console.error(...args);
console.log = (...args) => console.error(...args);

const { default: Provider } = await import('oidc-provider');
const { authenticate, findAccount, USERNAMES, DEMO_PASSWORD } = await import('./accounts.mjs');

const HOST = '127.0.0.1';

function listFromEnv(name, fallback) {
  const raw = process.env[name];
  const value = raw === undefined || raw.trim() === '' ? fallback : raw;
  return value.split(',').map((s) => s.trim()).filter(Boolean);
}

function portFromEnv() {
  const raw = process.env.IDP_PORT;
  if (raw === undefined || raw.trim() === '') return 3002;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`carnet-idp: invalid IDP_PORT ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return port;
}

const CLIENT_ID = process.env.IDP_CLIENT_ID || 'carnet-local';
const CLIENT_SECRET = process.env.IDP_CLIENT_SECRET || 'carnet-local-secret';
const REDIRECT_URIS = listFromEnv('IDP_REDIRECT_URIS', 'http://127.0.0.1:3000/auth/callback');
const POST_LOGOUT_REDIRECT_URIS = listFromEnv(
  'IDP_POST_LOGOUT_REDIRECT_URIS',
  'http://127.0.0.1:3000/logged-out',
);

// ---------------------------------------------------------------------------
// HTML helpers and translations
// ---------------------------------------------------------------------------

function esc(value) {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const LANGS = ['en', 'nl', 'fr', 'de'];

const T = {
  en: {
    title: 'Log in to Carnet (demo identity provider)',
    username: 'Username',
    password: 'Password',
    login: 'Log in',
    error: 'Unknown username or password.',
    note: 'Demo accounts all use the password',
    accounts: 'Demo accounts:',
    logoutTitle: 'Log out of Carnet (demo identity provider)',
    logoutText: 'You are being logged out. If nothing happens, use the button below.',
    logout: 'Log out',
    errorTitle: 'Something went wrong',
  },
  nl: {
    title: 'Aanmelden bij Carnet (demo-identiteitsprovider)',
    username: 'Gebruikersnaam',
    password: 'Wachtwoord',
    login: 'Aanmelden',
    error: 'Onbekende gebruikersnaam of wachtwoord.',
    note: 'Alle demo-accounts gebruiken het wachtwoord',
    accounts: 'Demo-accounts:',
    logoutTitle: 'Afmelden bij Carnet (demo-identiteitsprovider)',
    logoutText: 'U wordt afgemeld. Gebeurt er niets, gebruik dan de knop hieronder.',
    logout: 'Afmelden',
    errorTitle: 'Er ging iets mis',
  },
  fr: {
    title: 'Se connecter à Carnet (fournisseur d’identité de démonstration)',
    username: 'Nom d’utilisateur',
    password: 'Mot de passe',
    login: 'Se connecter',
    error: 'Nom d’utilisateur ou mot de passe inconnu.',
    note: 'Tous les comptes de démonstration utilisent le mot de passe',
    accounts: 'Comptes de démonstration :',
    logoutTitle: 'Se déconnecter de Carnet (fournisseur d’identité de démonstration)',
    logoutText: 'Vous êtes en cours de déconnexion. Si rien ne se passe, utilisez le bouton ci-dessous.',
    logout: 'Se déconnecter',
    errorTitle: 'Une erreur s’est produite',
  },
  de: {
    title: 'Bei Carnet anmelden (Demo-Identitätsanbieter)',
    username: 'Benutzername',
    password: 'Passwort',
    login: 'Anmelden',
    error: 'Benutzername oder Passwort unbekannt.',
    note: 'Alle Demo-Konten verwenden das Passwort',
    accounts: 'Demo-Konten:',
    logoutTitle: 'Von Carnet abmelden (Demo-Identitätsanbieter)',
    logoutText: 'Sie werden abgemeldet. Falls nichts passiert, verwenden Sie die Schaltfläche unten.',
    logout: 'Abmelden',
    errorTitle: 'Etwas ist schiefgelaufen',
  },
};

/** First of en/nl/fr/de matching the space-separated `ui_locales`; default en. */
function pickLang(uiLocales) {
  if (typeof uiLocales === 'string') {
    for (const tag of uiLocales.split(/\s+/)) {
      const primary = tag.split(/[-_]/)[0].toLowerCase();
      if (LANGS.includes(primary)) return primary;
    }
  }
  return 'en';
}

// Colours: text #1a1a1a on #ffffff (17:1), button #ffffff on #1d4ed8 (6.7:1),
// error #a4000f on #fff5f5 (~8:1), focus ring #1d4ed8 + offset.
const CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:100%;line-height:1.5;color:#1a1a1a;background:#f4f5f7}
body{margin:0;padding:1rem}
main{max-width:28rem;margin:2rem auto;padding:1.5rem 2rem;background:#fff;border:1px solid #c7cad1;border-radius:8px}
h1{font-size:1.5rem;line-height:1.25;margin:0 0 1rem}
label{display:block;font-weight:600;margin:1rem 0 .25rem}
input[type=text],input[type=password]{display:block;width:100%;font:inherit;padding:.5rem .75rem;color:#1a1a1a;background:#fff;border:2px solid #5b6270;border-radius:4px}
button{font:inherit;font-weight:600;margin-top:1.5rem;padding:.6rem 1.25rem;min-height:44px;color:#fff;background:#1d4ed8;border:2px solid #1d4ed8;border-radius:4px;cursor:pointer}
button:hover{background:#1e40af;border-color:#1e40af}
:focus{outline:3px solid #1d4ed8;outline-offset:2px}
:focus:not(:focus-visible){outline:none}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
input:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px;border-color:#1a1a1a}
button:focus-visible{outline:3px solid #1a1a1a;outline-offset:3px}
.error{margin:0 0 1rem;padding:.75rem 1rem;color:#a4000f;background:#fff5f5;border:2px solid #a4000f;border-radius:4px;font-weight:600}
.note{margin-top:1.5rem;padding:.75rem 1rem;background:#f4f5f7;border-radius:4px;font-size:.95rem}
.note p{margin:0 0 .25rem}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.95em}
`.trim();

function sha256b64(text) {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

const CSS_HASH = sha256b64(CSS);

function cspHeader(scripts = []) {
  const scriptSrc = scripts.length
    ? scripts.map((s) => `'sha256-${sha256b64(s)}'`).join(' ')
    : "'none'";
  return [
    "default-src 'none'",
    `style-src 'sha256-${CSS_HASH}'`,
    `script-src ${scriptSrc}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function page({ lang, title, body, script }) {
  return `<!DOCTYPE html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${body}
</main>${script ? `\n<script>${script}</script>` : ''}
</body>
</html>
`;
}

function renderLoginPage({ uid, lang, username = '', error = false }) {
  const t = T[lang];
  const describedBy = error ? ' aria-describedby="login-error" aria-invalid="true"' : '';
  const body = `<h1>${esc(t.title)}</h1>
${error ? `<p id="login-error" class="error" role="alert">${esc(t.error)}</p>\n` : ''}<form method="post" action="/interaction/${esc(uid)}/login">
<label for="username">${esc(t.username)}</label>
<input type="text" id="username" name="username" value="${esc(username)}" autocomplete="username" autocapitalize="none" spellcheck="false" required${describedBy}${error || !username ? ' autofocus' : ''}>
<label for="password">${esc(t.password)}</label>
<input type="password" id="password" name="password" autocomplete="current-password" required${describedBy}${!error && username ? ' autofocus' : ''}>
<button type="submit">${esc(t.login)}</button>
</form>
<div class="note">
<p>${esc(t.note)} <code>${esc(DEMO_PASSWORD)}</code>.</p>
<p>${esc(t.accounts)} ${USERNAMES.map((u) => `<code>${esc(u)}</code>`).join(', ')}</p>
</div>`;
  return page({ lang, title: t.title, body });
}

function renderErrorPage({ lang = 'en', message }) {
  const t = T[lang];
  return page({
    lang,
    title: t.errorTitle,
    body: `<h1>${esc(t.errorTitle)}</h1>\n<p>${esc(message)}</p>`,
  });
}

function sendHtml(res, status, html, scripts = []) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Security-Policy', cspHeader(scripts));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.end(html);
}

// Logout confirmation: keep the provider's form (with its xsrf input) and add a
// visible submit button bound to it; a tiny script auto-submits for JS users.
const LOGOUT_SCRIPT = "(function(){var f=document.getElementById('op.logoutForm');"
  + "if(!f)return;var i=document.createElement('input');i.type='hidden';i.name='logout';"
  + "i.value='yes';f.appendChild(i);f.submit();})();";

async function logoutSource(ctx, form) {
  const lang = pickLang(ctx.oidc?.params?.ui_locales);
  const t = T[lang];
  const body = `<h1>${esc(t.logoutTitle)}</h1>
<p>${esc(t.logoutText)}</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">${esc(t.logout)}</button>`;
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', cspHeader([LOGOUT_SCRIPT]));
  ctx.body = page({ lang, title: t.logoutTitle, body, script: LOGOUT_SCRIPT });
}

async function postLogoutSuccessSource(ctx) {
  const lang = pickLang(ctx.oidc?.params?.ui_locales);
  const t = T[lang];
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', cspHeader());
  ctx.body = page({ lang, title: t.logoutTitle, body: `<h1>${esc(t.logoutTitle)}</h1>\n<p>OK.</p>` });
}

async function renderError(ctx, out, _error) {
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', cspHeader());
  const message = [out.error, out.error_description].filter(Boolean).join(': ');
  ctx.body = renderErrorPage({ message });
}

// ---------------------------------------------------------------------------
// Provider configuration
// ---------------------------------------------------------------------------

function signingJwk() {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    ...privateKey.export({ format: 'jwk' }),
    kid: `carnet-idp-${randomUUID()}`,
    alg: 'RS256',
    use: 'sig',
  };
}

// First-party client: skip consent by granting the requested OIDC scopes and
// claims automatically.
async function loadExistingGrant(ctx) {
  const { client, session, account } = ctx.oidc;
  const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
  let grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;

  if (client.clientId !== CLIENT_ID) {
    return grant;
  }

  if (!grant) {
    grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: account.accountId });
  }
  const scopes = [...ctx.oidc.requestParamOIDCScopes];
  if (scopes.length) grant.addOIDCScope(scopes.join(' '));
  const claims = [...ctx.oidc.requestParamClaims];
  if (claims.length) grant.addOIDCClaims(claims);
  await grant.save();
  return grant;
}

function buildConfiguration() {
  return {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: REDIRECT_URIS,
        post_logout_redirect_uris: POST_LOGOUT_REDIRECT_URIS,
      },
    ],
    findAccount,
    jwks: { keys: [signingJwk()] },
    cookies: {
      keys: [randomBytes(32).toString('base64url')],
      // Cookies are not isolated by port: use names that cannot collide with
      // the portal's cookies on 127.0.0.1.
      names: {
        session: 'carnet_idp_session',
        interaction: 'carnet_idp_interaction',
        resume: 'carnet_idp_resume',
      },
    },
    responseTypes: ['code'],
    pkce: { required: () => true },
    conformIdTokenClaims: false,
    scopes: ['openid', 'profile', 'ssin', 'roles'],
    claims: {
      openid: ['sub'],
      profile: ['name', 'given_name', 'family_name', 'birthdate'],
      ssin: ['ssin'],
      roles: ['roles'],
    },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    loadExistingGrant,
    renderError,
    clientBasedCORS: () => false,
    ttl: {
      AccessToken: 60 * 60,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 60 * 60,
      Session: 8 * 60 * 60,
      Grant: 8 * 60 * 60,
    },
  };
}

// ---------------------------------------------------------------------------
// Interaction routes (login page)
// ---------------------------------------------------------------------------

const MAX_BODY = 16 * 1024;

function readForm(req) {
  return new Promise((resolve, reject) => {
    const type = String(req.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      reject(Object.assign(new Error('unsupported content type'), { status: 415 }));
      req.resume();
      return;
    }
    let size = 0;
    const chunks = [];
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(Object.assign(new Error('request body too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

async function handleInteraction(provider, req, res, uid, action) {
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (err) {
    sendHtml(res, 400, renderErrorPage({
      message: 'This login session has expired or is invalid. Please start again from Carnet.',
    }));
    return;
  }
  if (details.uid !== uid) {
    sendHtml(res, 400, renderErrorPage({ message: 'Login session mismatch. Please start again from Carnet.' }));
    return;
  }

  const lang = pickLang(details.params.ui_locales);
  const promptName = details.prompt?.name;

  // Consent should never be prompted (loadExistingGrant grants it), but if it
  // ever is, grant the requested scopes/claims and continue.
  if (promptName === 'consent') {
    const { accountId } = details.session;
    let grant = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
    grant ??= new provider.Grant({ accountId, clientId: details.params.client_id });
    const d = details.prompt.details || {};
    if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(' '));
    if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }

  if (promptName !== 'login') {
    sendHtml(res, 400, renderErrorPage({ lang, message: `Unsupported prompt: ${promptName}` }));
    return;
  }

  if (action === 'show') {
    const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : '';
    sendHtml(res, 200, renderLoginPage({ uid, lang, username: hint }));
    return;
  }

  // action === 'login'
  const form = await readForm(req);
  const username = form.get('username') ?? '';
  const password = form.get('password') ?? '';
  const accountId = authenticate(username, password);
  if (!accountId) {
    sendHtml(res, 200, renderLoginPage({ uid, lang, username, error: true }));
    return;
  }
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId } },
    { mergeWithLastSubmission: false },
  );
}

// ---------------------------------------------------------------------------
// Server
// ---------------------------------------------------------------------------

let provider;
let providerCallback;

const server = createServer(async (req, res) => {
  if (!providerCallback) {
    res.statusCode = 503;
    res.setHeader('Retry-After', '1');
    res.end('starting');
    return;
  }
  try {
    const { pathname } = new URL(req.url, 'http://localhost');
    const m = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?\/?$/.exec(pathname);
    if (m) {
      const [, uid, login] = m;
      if (!login && (req.method === 'GET' || req.method === 'HEAD')) {
        await handleInteraction(provider, req, res, uid, 'show');
        return;
      }
      if (login && req.method === 'POST') {
        await handleInteraction(provider, req, res, uid, 'login');
        return;
      }
      res.statusCode = 405;
      res.setHeader('Allow', login ? 'POST' : 'GET, HEAD');
      res.end();
      return;
    }
    providerCallback(req, res);
  } catch (err) {
    console.error('carnet-idp: request failed:', err);
    if (!res.headersSent) {
      sendHtml(res, err.status || 500, renderErrorPage({ message: err.status ? err.message : 'Internal error.' }));
    } else {
      res.destroy();
    }
  }
});

server.on('error', (err) => {
  console.error('carnet-idp: server error:', err.message);
  process.exit(1);
});

let shuttingDown = false;
function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.error(`carnet-idp: received ${signal}, shutting down`);
  // In-memory state only: nothing to flush. Stop accepting, drop open
  // (keep-alive) connections and exit.
  server.close();
  server.closeAllConnections();
  setImmediate(() => process.exit(0));
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

server.listen(portFromEnv(), HOST, () => {
  const { port } = server.address();
  const issuer = `http://${HOST}:${port}`;
  provider = new Provider(issuer, buildConfiguration());
  provider.on('server_error', (_ctx, err) => console.error('carnet-idp: server_error:', err));
  providerCallback = provider.callback();
  process.stdout.write(`carnet-idp listening on ${issuer}\n`);
});
