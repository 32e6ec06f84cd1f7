import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

/**
 * What request logs must never carry: a devotee's manage-link token (`?token=`), a search for a
 * devotee's name or phone (`?q=`), and the headers that hold credentials. Logs are copied to
 * places with weaker access than the database (terminals, log services, support tickets); a
 * token there is a booking anyone can read or cancel.
 */

const REDACTED = '[redacted]';

/** Query parameters whose values are secrets or personal data. */
const PRIVATE_QUERY_PARAMETERS = new Set([
  'token',
  'q',
  'phone',
  'email',
  'name',
  'devoteename',
  'password',
  'refreshtoken',
  'key',
  'apikey',
]);

/** Header paths as pino's redact option names them, wherever a request or response is logged. */
const PRIVATE_HEADERS = [
  'authorization',
  'cookie',
  'set-cookie',
  'x-booking-token',
  'x-api-key',
  'x-twilio-signature',
];
const REDACT_PATHS = PRIVATE_HEADERS.flatMap((header) => [
  `req.headers["${header}"]`,
  `res.headers["${header}"]`,
  `headers["${header}"]`,
]);

/** The URL with the values of private query parameters replaced; the path is kept as it is. */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark === -1) return url;
  const query = url
    .slice(mark + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const rawName = equals === -1 ? pair : pair.slice(0, equals);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replaceAll('+', ' '));
      } catch {
        // A malformed escape: judge the name as written.
      }
      return PRIVATE_QUERY_PARAMETERS.has(name.toLowerCase()) ? `${rawName}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, mark)}?${query}`;
}

/** How a request appears in a log line: Fastify's usual fields, with the URL redacted. */
function serializeRequest(request: object) {
  // Something logged under `req` that is not a request: left to the redact paths below.
  if (!isRequest(request)) return request;
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
  };
}

function isRequest(value: object): value is FastifyRequest {
  return 'raw' in value && typeof (value as { url?: unknown }).url === 'string';
}

/** The pino options every logger of the API starts from: serializers and redaction. */
export function redactingLoggerOptions(): Pick<LoggerOptions, 'serializers' | 'redact'> {
  return {
    serializers: { req: serializeRequest },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
  };
}
