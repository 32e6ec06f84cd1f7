import { isDeepStrictEqual } from 'node:util';
import type { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { problemSchema } from '@sevabook/shared';
import { operations } from './openapi-operations.ts';

/**
 * The API document must say everything the server really does, or generated clients break:
 * every status an operation can answer, every media type, who may call it. Routes declare
 * their own answers (201, 404, 409 …); the answers every route of a kind can give, from this
 * API's plugins and from Node itself, are added here once:
 *
 * - 400: a URL that cannot be read, or a body that is not JSON (`invalid_json`);
 * - 408 and 431: a request that did not arrive in time, or headers too large (Node answers both);
 * - 413 and 415: a body too large, or not JSON (operations with a body);
 * - 414: a path segment longer than the router takes (operations with path parameters);
 * - 422: a path, query, header or body value that fails its schema;
 * - 429: the per-address limit (every operation whose route does not turn it off);
 * - 503: the database is out of reach (everything under /api/ and /readyz).
 *
 * Every error is `application/problem+json` with the one Problem schema.
 */

type JsonObject = Record<string, unknown>;
interface Operation extends JsonObject {
  operationId?: string;
  responses?: Record<string, JsonObject>;
  requestBody?: { content?: Record<string, unknown> };
  parameters?: { in: string }[];
  security?: unknown[];
}
interface Document extends JsonObject {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonObject>; responses?: Record<string, JsonObject> };
}

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

/** The shared answers, by status, as `components.responses` entries. */
const commonAnswers: Record<number, { name: string; description: string; headers?: JsonObject }> = {
  400: { name: 'BadRequest', description: 'The URL cannot be read, or the body is not JSON' },
  401: { name: 'Unauthorized', description: 'No valid sign-in or API key' },
  403: { name: 'Forbidden', description: 'Signed in, but not allowed to do this' },
  404: { name: 'NotFound', description: 'No such resource' },
  408: { name: 'RequestTimeout', description: 'The request did not arrive in time' },
  409: { name: 'Conflict', description: 'The request conflicts with what is stored' },
  413: { name: 'PayloadTooLarge', description: 'The request body is too large' },
  414: { name: 'UriTooLong', description: 'A part of the URL is too long' },
  415: { name: 'UnsupportedMediaType', description: 'The request body is not JSON' },
  422: { name: 'ValidationFailed', description: 'A value fails its rules; `errors` says which' },
  429: {
    name: 'TooManyRequests',
    description: 'Too many requests from this address; try again after Retry-After seconds',
    headers: {
      'Retry-After': {
        description: 'Seconds to wait before trying again',
        schema: { type: 'integer', minimum: 0 },
      },
      'X-RateLimit-Limit': {
        description: 'Requests allowed per window',
        schema: { type: 'integer', minimum: 0 },
      },
      'X-RateLimit-Remaining': {
        description: 'Requests left in this window',
        schema: { type: 'integer', minimum: 0 },
      },
      'X-RateLimit-Reset': {
        description: 'Seconds until the window starts again',
        schema: { type: 'integer', minimum: 0 },
      },
    },
  },
  431: { name: 'HeadersTooLarge', description: 'The request headers are too large' },
  503: {
    name: 'ServiceUnavailable',
    description: 'The service cannot answer just now; try again after Retry-After seconds',
    headers: {
      'Retry-After': {
        description: 'Seconds to wait before trying again',
        schema: { type: 'integer', minimum: 0 },
      },
    },
  },
};

/** `/bookings/:reference.ics` as the document writes it: `/bookings/{reference}.ics`. */
export function documentPath(url: string): string {
  return url.replace(/:(\w+)/g, '{$1}');
}

type RouteToDocument = Parameters<typeof jsonSchemaTransform>[0];

/**
 * Runs on each route before its zod schemas become JSON Schema: adds the statuses every route
 * of its kind can answer (as the Problem schema), its operationId, and `security: []` where no
 * sign-in is needed.
 */
export function describeRoute(input: RouteToDocument): RouteToDocument {
  const { url, route } = input;
  const schema = input.schema as JsonObject | undefined;
  if (!schema || schema.hide) return input;
  const method = [route.method].flat()[0]!.toUpperCase();
  const config = route.config as { rateLimit?: unknown } | undefined;
  const path = documentPath(url);
  const statuses = new Set([400, 408, 431]);
  const hasParams = /:\w/.test(url);
  if (hasParams) statuses.add(414);
  if (hasParams || schema.querystring || schema.headers || schema.body) statuses.add(422);
  if (schema.body) for (const status of [413, 415]) statuses.add(status);
  if (config?.rateLimit !== false) statuses.add(429);
  if (path.startsWith('/api/') || path === '/readyz') statuses.add(503);

  const response = { ...(schema.response as JsonObject | undefined) };
  for (const status of statuses) response[status] ??= problemSchema;
  const contract = operations[`${method} ${path}`];
  return {
    ...input,
    schema: {
      ...schema,
      response,
      ...(schema.operationId || !contract ? {} : { operationId: contract.operationId }),
      ...(schema.security ? {} : { security: [] }),
    },
  };
}

function isProblemResponse(response: JsonObject): boolean {
  const content = response.content as Record<string, { schema?: unknown }> | undefined;
  return Object.values(content ?? {}).some((media) => isDeepStrictEqual(media.schema, PROBLEM_REF));
}

/**
 * Runs once on the whole document: error answers become problem+json (shared ones by $ref),
 * non-JSON media types are declared, PATCH bodies need a field, and a schema that reads the same
 * as input and output is written once.
 */
export function finishDocument<T extends JsonObject>(document: T): T {
  const doc = document as Document;
  const components = (doc.components ??= {});
  const responses = (components.responses ??= {});
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(methods)) {
      for (const [status, answer] of Object.entries(operation.responses ?? {})) {
        const code = Number(status);
        if (code < 400 || !isProblemResponse(answer)) continue;
        const common = commonAnswers[code];
        if (common && answer.description === 'Default Response') {
          responses[common.name] ??= {
            description: common.description,
            ...(common.headers ? { headers: common.headers } : {}),
            content: { [PROBLEM_MEDIA_TYPE]: { schema: PROBLEM_REF } },
          };
          operation.responses![status] = { $ref: `#/components/responses/${common.name}` };
        } else {
          operation.responses![status] = {
            description:
              answer.description === 'Default Response' ? `Refused (${code})` : answer.description,
            ...(common?.headers ? { headers: common.headers } : {}),
            content: { [PROBLEM_MEDIA_TYPE]: { schema: PROBLEM_REF } },
          };
        }
      }
      const contract = operations[`${method.toUpperCase()} ${path}`];
      if (contract?.successMedia) {
        const success = Object.keys(operation.responses ?? {}).find((s) => s.startsWith('2'));
        const answer = success ? operation.responses![success] : undefined;
        if (answer) {
          const json = (answer.content as JsonObject | undefined)?.['application/json'] as
            { schema?: { type?: string } } | undefined;
          // A string "JSON" answer is the route's stand-in for a non-JSON body: replace it.
          const keepJson = json && json.schema?.type !== 'string';
          answer.content = {
            ...(keepJson ? { 'application/json': json } : {}),
            ...contract.successMedia,
          };
        }
      }
      if (contract?.bodyMedia && operation.requestBody?.content) {
        const content = operation.requestBody.content;
        operation.requestBody.content = { [contract.bodyMedia]: content['application/json'] };
      }
      if (method === 'patch') requireAField(doc, operation);
    }
  }
  mergeSameInputAndOutput(doc);
  dropUnusedSchemas(doc);
  defaultsInWords(doc);
  return document;
}

function requireAField(doc: Document, operation: Operation) {
  const media = operation.requestBody?.content?.['application/json'] as
    { schema?: JsonObject } | undefined;
  let schema = media?.schema;
  const ref = schema?.$ref as string | undefined;
  if (ref) schema = doc.components?.schemas?.[ref.split('/').pop()!];
  if (schema && schema.type === 'object') schema.minProperties = 1;
}

const refTo = (name: string) => `#/components/schemas/${name}`;

/**
 * The zod type provider writes every named schema twice, as `X` (output) and `XInput` (input),
 * even where both read the same. Where they do, references to `XInput` go to `X` and `XInput`
 * goes. A schema that only differs by referring to another such pair counts as the same.
 */
function mergeSameInputAndOutput(doc: Document) {
  const schemas = doc.components?.schemas;
  if (!schemas) return;
  const pairs = new Set(
    Object.keys(schemas)
      .filter((name) => name.endsWith('Input') && schemas[name.slice(0, -5)])
      .map((name) => name.slice(0, -5)),
  );
  const rewrite = (value: unknown, merged: Set<string>): unknown =>
    JSON.parse(JSON.stringify(value), (key, v: unknown) =>
      key === '$ref' && typeof v === 'string' && v.endsWith('Input') && merged.has(v.slice(21, -5))
        ? refTo(v.slice(21, -5))
        : v,
    );
  // Assume every pair merges, then drop those that differ, until nothing changes.
  let changed = true;
  while (changed) {
    changed = false;
    for (const name of pairs) {
      if (!isDeepStrictEqual(rewrite(schemas[`${name}Input`], pairs), schemas[name])) {
        pairs.delete(name);
        changed = true;
      }
    }
  }
  for (const name of pairs) delete schemas[`${name}Input`];
  const { paths, components } = rewrite(
    { paths: doc.paths, components: doc.components },
    pairs,
  ) as Document;
  doc.paths = paths;
  doc.components = components;
}

/**
 * A schema no operation refers to, directly or through another, goes (output-only schemas have
 * an unused input twin and the other way round); an input whose output twin went takes its name.
 */
function dropUnusedSchemas(doc: Document) {
  const schemas = doc.components?.schemas;
  if (!schemas) return;
  const used = new Set<string>();
  const visit = (value: unknown) => {
    JSON.stringify(value, (key, v: unknown) => {
      if (key === '$ref' && typeof v === 'string' && v.startsWith(refTo(''))) {
        const name = v.slice(refTo('').length);
        if (!used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      }
      return v;
    });
  };
  visit({ paths: doc.paths, responses: doc.components?.responses });
  for (const name of Object.keys(schemas)) if (!used.has(name)) delete schemas[name];
  const renames = new Set(
    Object.keys(schemas)
      .filter((name) => name.endsWith('Input') && !schemas[name.slice(0, -5)])
      .map((name) => name.slice(0, -5)),
  );
  for (const name of renames) {
    schemas[name] = schemas[`${name}Input`]!;
    delete schemas[`${name}Input`];
  }
  const { paths, components } = JSON.parse(
    JSON.stringify({ paths: doc.paths, components: doc.components }),
    (key, v: unknown) =>
      key === '$ref' && typeof v === 'string' && v.endsWith('Input') && renames.has(v.slice(21, -5))
        ? refTo(v.slice(21, -5))
        : v,
  ) as Document;
  doc.paths = paths;
  doc.components = components;
}

/**
 * A property a client may leave out, whose `default` the server fills in (a booking's
 * `language`), says its default in words rather than as the `default` keyword: generators such
 * as openapi-typescript take a property with a default for one that is always there, and would
 * make every client send it.
 */
function defaultsInWords(doc: Document) {
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const schema = value as JsonObject;
    const properties = schema.properties as Record<string, JsonObject> | undefined;
    if (properties && typeof properties === 'object') {
      const required = new Set((schema.required as string[] | undefined) ?? []);
      for (const [name, property] of Object.entries(properties)) {
        if (required.has(name) || !property || !('default' in property)) continue;
        const said = `Defaults to ${JSON.stringify(property.default)}.`;
        const description = typeof property.description === 'string' ? property.description : '';
        property.description = description
          ? `${description.replace(/[^.!?]$/, '$&.')} ${said}`
          : said;
        delete property.default;
      }
    }
    Object.values(schema).forEach(visit);
  };
  visit(doc.paths);
  visit(doc.components?.schemas);
}
