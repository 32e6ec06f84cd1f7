import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Problem, ProblemCode } from '@sevabook/shared';
import { AppError, type FieldError } from '../errors.ts';
import { isDatabaseUnavailable } from '../db/db-errors.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export function problemType(code: ProblemCode): string {
  return `urn:sevabook:problem:${code}`;
}

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: ProblemCode,
  title: string,
  detail?: string,
  errors?: FieldError[],
) {
  const body: Problem = {
    type: problemType(code),
    title,
    status,
    code,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
    instance: reply.request.url.split('?')[0],
  };
  return reply.code(status).type(PROBLEM_CONTENT_TYPE).serializer(JSON.stringify).send(body);
}

/** Fastify's own client errors, by their stable codes. */
const fastifyClientErrors: Record<string, { code: ProblemCode; title: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'invalid_json',
    title: 'Malformed JSON',
    detail: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'invalid_json',
    title: 'Malformed JSON',
    detail: 'The request says it is JSON but has no body.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'payload_too_large',
    title: 'Request body too large',
    detail: 'The request body is larger than this API accepts.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    title: 'Unsupported media type',
    detail: 'Send the request body as application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'invalid_json',
    title: 'Bad request body',
    detail: 'The request body does not match its Content-Length.',
  },
};

function validationErrors(error: FastifyError): FieldError[] {
  if (!hasZodFastifySchemaValidationErrors(error)) return [];
  const where = error.validationContext ?? 'body';
  return error.validation.map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const params = issue.params as { issue?: { code?: string; keys?: string[] } } | undefined;
    const keys = params?.issue?.code === 'unrecognized_keys' ? params.issue.keys : undefined;
    return {
      path: [where, path, keys?.join(',')].filter(Boolean).join('.'),
      message: issue.message ?? 'Invalid value',
    };
  });
}

/**
 * The one place errors become responses. Every error is RFC 9457 problem+json with a stable
 * `code`; 5xx details are logged, never sent (no stack traces or SQL reach a client).
 */
export default fp(async function problemErrors(app) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof AppError) {
      if (error.headers) void reply.headers(error.headers);
      return sendProblem(reply, error.status, error.code, error.title, error.detail, error.errors);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendProblem(
        reply,
        422,
        'validation_failed',
        'Validation failed',
        'Some fields need attention.',
        validationErrors(error),
      );
    }
    const known = error.code ? fastifyClientErrors[error.code] : undefined;
    if (known) {
      const status = error.statusCode ?? 400;
      return sendProblem(reply, status, known.code, known.title, known.detail);
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, 429, 'rate_limited', 'Too many requests', error.message);
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      // The gate closes only if the server is found away, not for one connection's failure.
      void app.database.gate.suspect();
      void reply.header('retry-after', '5');
      return sendProblem(
        reply,
        503,
        'service_unavailable',
        'Service unavailable',
        'The booking service cannot reach its database just now. Please try again shortly.',
      );
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(
        reply,
        error.statusCode,
        'validation_failed',
        'Bad request',
        error.message,
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      500,
      'internal_error',
      'Internal error',
      'Something went wrong on our side. Nothing was changed; please try again.',
    );
  });
});
