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
  <link rel="icon" type="image/png" href="${ASSET_BASE}/favicon-32x32.png" sizes="32x32">
  <link rel="icon" type="image/png" href="${ASSET_BASE}/favicon-16x16.png" sizes="16x16">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${ASSET_BASE}/swagger-ui-bundle.js"></script>
  <script src="/api/docs/initializer.js"></script>
</body>
</html>
`;

// validatorUrl null: Swagger UI would otherwise send the document to validator.swagger.io for a badge.
const INITIALIZER = `window.ui = SwaggerUIBundle({
  url: '/api/v1/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
});
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
  for (const asset of ASSETS) {
    router.get(`/assets/${asset}`, (_req, res, next) => {
      res.sendFile(join(SWAGGER_UI_DIR, asset), { maxAge: '1h' }, (error) => {
        if (error) next(error);
      });
    });
  }
  return router;
}
