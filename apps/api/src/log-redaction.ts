import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';
import { maskPhoneForViewer } from '@sevabook/shared';

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

/** A phone number in E.164, as WhatsApp addresses and Twilio's error messages write it. */
const PHONE = /(?<=^|[^\d])\+\d{8,15}(?!\d)/g;

/**
 * Phone numbers inside the text of a log line's fields, masked as viewers see them. Twilio's
 * errors name the number ("The 'To' number whatsapp:+91… is not a valid phone number"), and the
 * notifier logs them as the reason a message failed.
 */
function maskPhones(object: Record<string, unknown>): Record<string, unknown> {
  let masked: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(object)) {
    if (typeof value !== 'string') continue;
    const text = value.replace(PHONE, (phone) => maskPhoneForViewer(phone));
    if (text !== value) {
      masked ??= { ...object };
      masked[key] = text;
    }
  }
  return masked ?? object;
}

/** The pino options every logger of the API starts from: serializers and redaction. */
export function redactingLoggerOptions(): Pick<
  LoggerOptions,
  'serializers' | 'redact' | 'formatters'
> {
  return {
    serializers: { req: serializeRequest },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    formatters: { log: maskPhones },
  };
}
