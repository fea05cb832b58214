import express, { Router } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:studio` writes the app (vite's outDir). */
export const STUDIO_DIST = fileURLToPath(new URL('../../studio/dist', import.meta.url));

/** Vite names every file under /assets after a hash of its content: a new build gets new names. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const NOT_BUILT = `The web app is not built yet. Run "npm run build:studio" (npm install and npm start do it for you), then reload.
The API and its reference are at /api/docs meanwhile.
`;

/**
 * The web app, mounted after /api: hashed assets cached for a year, the other built files for an
 * hour, and index.html (never cached, so a new build shows at the next load) for every other GET
 * that accepts HTML: the client-side routes. Anything else is a plain 404.
 */
export function studioRoutes(distDir: string = STUDIO_DIST): Router {
  const router = Router();
  const indexFile = join(distDir, 'index.html');
  router.use(
    '/assets',
    express.static(join(distDir, 'assets'), { index: false, setHeaders: (res) => res.setHeader('Cache-Control', IMMUTABLE) }),
    // An asset of an older build: a 404, never index.html in place of a script.
    (_req, res) => {
      res.status(404).type('text/plain').send('No such asset: reload the page to get the current build.\n');
    },
  );
  router.use(express.static(distDir, { index: false, maxAge: '1h' }));
  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.accepts('html')) {
      next();
      return;
    }
    if (!existsSync(indexFile)) {
      res.status(503).type('text/plain').send(NOT_BUILT);
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile, (error) => {
      if (error) next(error);
    });
  });
  return router;
}
