import { Router } from 'express';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Resolved through package.json rather than imported: the package's main module loads the whole
 * browser bundle into Node just to say where its files are.
 */
const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** Only what the page loads: the package also ships a demo page that fetches the Petstore from the internet. */
export const ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-16x16.png', 'favicon-32x32.png'];
const ASSET_BASE = '/api/docs/assets';

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>CRM API reference</title>
  <link rel="stylesheet" href="${ASSET_BASE}/swagger-ui.css">
  <link rel="stylesheet" href="/api/docs/docs.css">
  <link rel="icon" type="image/png" href="${ASSET_BASE}/favicon-32x32.png" sizes="32x32">
  <link rel="icon" type="image/png" href="${ASSET_BASE}/favicon-16x16.png" sizes="16x16">
</head>
<body>
  <main id="docs-sign-in" class="docs-sign-in" hidden>
    <h1>CRM API reference</h1>
    <p>The API reference lists what you may use, so it needs to know who you are. Sign in, or paste an API token.</p>
    <form id="docs-login">
      <label for="docs-email">E-mail</label>
      <input id="docs-email" name="email" type="email" autocomplete="username" required>
      <label for="docs-password">Password</label>
      <input id="docs-password" name="password" type="password" autocomplete="current-password" required>
      <button type="submit">Sign in</button>
    </form>
    <form id="docs-token">
      <label for="docs-token-value">API token</label>
      <input id="docs-token-value" name="token" autocomplete="off" placeholder="crmt_…" required>
      <button type="submit">Use this token</button>
    </form>
    <p id="docs-error" class="docs-error" role="alert"></p>
  </main>
  <div id="swagger-ui"></div>
  <script src="${ASSET_BASE}/swagger-ui-bundle.js"></script>
  <script src="/api/docs/initializer.js"></script>
</body>
</html>
`;

const STYLES = `.docs-sign-in { max-width: 420px; margin: 48px auto; padding: 28px; font-family: sans-serif; border: 1px solid #d9d9d9; border-radius: 10px; }
.docs-sign-in h1 { font-size: 22px; margin: 0 0 8px; }
.docs-sign-in form { display: flex; flex-direction: column; gap: 6px; margin-top: 18px; }
.docs-sign-in input { padding: 8px; font-size: 15px; border: 1px solid #bbb; border-radius: 6px; }
.docs-sign-in button { margin-top: 8px; padding: 9px; font-size: 15px; border: 0; border-radius: 6px; background: #1d4ed8; color: #fff; cursor: pointer; }
.docs-error { color: #b91c1c; min-height: 1em; }
`;

/*
 * Without a session or token the document itself answers 401 ("Failed to load API definition"):
 * the page first asks who is signed in (the web app's session cookie works here too), else shows
 * a sign-in and a token box. A session's CSRF token and a pasted token stay in this page's memory
 * and go on every "Try it out" request. validatorUrl null: Swagger UI would otherwise send the
 * document to validator.swagger.io for a badge.
 */
const INITIALIZER = `(function () {
  var csrf = null;
  var bearer = null;
  function start() {
    document.getElementById('docs-sign-in').hidden = true;
    window.ui = SwaggerUIBundle({
      url: '/api/v1/openapi.json',
      dom_id: '#swagger-ui',
      deepLinking: true,
      validatorUrl: null,
      presets: [SwaggerUIBundle.presets.apis],
      layout: 'BaseLayout',
      requestInterceptor: function (request) {
        var headers = request.headers || (request.headers = {});
        if (bearer && !headers.Authorization) headers.Authorization = 'Bearer ' + bearer;
        if (csrf && request.method && request.method.toUpperCase() !== 'GET') headers['X-CSRF-Token'] = csrf;
        return request;
      },
    });
    if (bearer) window.ui.preauthorizeApiKey('apiToken', bearer);
  }
  function fail(message) {
    document.getElementById('docs-error').textContent = message;
  }
  function message(response) {
    return response.json().then(function (body) { return (body && body.error && body.error.message) || ('The server answered ' + response.status); }, function () { return 'The server answered ' + response.status; });
  }
  function whoAmI(headers) {
    return fetch('/api/v1/auth/me', { credentials: 'same-origin', headers: headers || {} });
  }
  document.getElementById('docs-login').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    fetch('/api/v1/auth/login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: form.email.value, password: form.password.value }),
    }).then(function (response) {
      if (!response.ok) return message(response).then(fail);
      return response.json().then(function (body) { csrf = body.csrfToken; start(); });
    }, function () { fail('The server cannot be reached.'); });
  });
  document.getElementById('docs-token').addEventListener('submit', function (event) {
    event.preventDefault();
    var token = event.target.token.value.trim();
    whoAmI({ Authorization: 'Bearer ' + token }).then(function (response) {
      if (!response.ok) return message(response).then(fail);
      bearer = token;
      start();
    }, function () { fail('The server cannot be reached.'); });
  });
  whoAmI().then(function (response) {
    if (!response.ok) { document.getElementById('docs-sign-in').hidden = false; return; }
    return response.json().then(function (body) { csrf = body.csrfToken || null; start(); });
  }, function () { document.getElementById('docs-sign-in').hidden = false; });
})();
`;

/** GET /api/docs: Swagger UI over the live OpenAPI document, every asset served from this machine. */
export function docsRoutes(): Router {
  const router = Router();
  router.get('/', (_req, res) => {
    res.type('html').send(PAGE);
  });
  router.get('/initializer.js', (_req, res) => {
    res.type('text/javascript').send(INITIALIZER);
  });
  router.get('/docs.css', (_req, res) => {
    res.type('text/css').send(STYLES);
  });
  for (const asset of ASSETS) {
    router.get(`/assets/${asset}`, (_req, res, next) => {
      res.sendFile(join(SWAGGER_UI_DIR, asset), { maxAge: '1h' }, (error) => {
        if (error) next(error);
      });
    });
  }
  return router;
}
