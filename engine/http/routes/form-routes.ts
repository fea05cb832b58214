import { Router, type Request } from 'express';
import { ValidationError } from '../../errors/index.js';
import { LANGUAGES, getForm, isLanguage, previewForm, type Language } from '../../forms/index.js';
import type { Platform } from '../../tenancy/index.js';
import { queryString } from '../query-string.js';
import { requestContext, requestLanguage } from '../request-context.js';
import { msg } from '../../i18n/message.js';

/** /api/v1/forms: the generated data-entry form of an object, as rjsf schema and uiSchema. */
export function formRoutes(platform: Platform): Router {
  const router = Router();

  router.get('/:object', async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const layout = queryString(query, 'layout');
    const language = requestedLanguage(req, queryString(query, 'lang'));
    const ctx = await requestContext(platform, req);
    const form = getForm(ctx, req.params.object, { ...(layout === undefined ? {} : { layout }), language });
    // The body depends on the header when ?lang= is absent: caches must keep one copy per language.
    res.vary('Accept-Language').set('Content-Language', form.language).json(form);
  });

  // POST, not GET: the body is the unsaved layout; nothing is stored.
  router.post('/:object/preview', async (req, res) => {
    const language = requestedLanguage(req, queryString(req.query as Record<string, unknown>, 'lang'));
    const ctx = await requestContext(platform, req);
    const form = previewForm(ctx, req.params.object, req.body, language);
    res.vary('Accept-Language').set('Content-Language', form.language).json(form);
  });
  return router;
}

/** ?lang= wins; otherwise the Accept-Language header's, else the user's saved language. */
function requestedLanguage(req: Request, lang: string | undefined): Language {
  if (lang === undefined) return requestLanguage(req);
  if (!isLanguage(lang)) {
    throw new ValidationError([{ path: '/lang', message: msg`must be one of: ${LANGUAGES.join(', ')}; got '${lang}'` }]);
  }
  return lang;
}
