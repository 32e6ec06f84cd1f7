import fp from 'fastify-plugin';
import { sendProblem } from './problem-errors.ts';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * A path the API knows, asked with a method it does not take, answers 405 with `Allow` (RFC
 * 9110 §15.5.6), not 404: a client that got the method wrong should not conclude the resource
 * is gone. Fastify sends such a request to the not-found handler; this hook catches it first,
 * whichever not-found handler is in place. The sites' catch-all (`GET /*`) is no evidence that a
 * path exists, so a wildcard match does not count.
 */
export default fp(async function methodNotAllowed(app) {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.is404) return;
    const url = request.url.split('?')[0] ?? '/';
    const allowed = METHODS.filter((method) => {
      const found = app.findRoute({ method, url });
      return found !== null && !('*' in (found.params as object));
    });
    if (allowed.length === 0) return;
    void reply.header('allow', allowed.join(', '));
    return sendProblem(
      reply,
      405,
      'method_not_allowed',
      'Method not allowed',
      `${url} answers ${allowed.join(', ')}, not ${request.method}.`,
    );
  });
});
