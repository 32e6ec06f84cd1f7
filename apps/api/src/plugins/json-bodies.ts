import fp from 'fastify-plugin';

/**
 * JSON bodies as Fastify parses them (secure-json-parse, prototype poisoning refused), with one
 * difference: an empty body sent as `Content-Type: application/json` is no body rather than
 * malformed JSON. Generated clients send that header on every call of an operation that takes
 * a body, also when its body is optional (cancelling needs no reason); where a body is required,
 * its schema still refuses the missing one with 422.
 */
export default fp(async function jsonBodies(app) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    void parseJson(request, text, done);
  });
});
