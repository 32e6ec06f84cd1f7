import fc from 'fast-check';

/**
 * Request generators derived from Sevabook's own OpenAPI document: for every operation, path
 * parameters, query strings, headers and JSON bodies that are sometimes right, sometimes nearly
 * right and sometimes nonsense, as a careless or hostile client would send them.
 */

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
};

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface GeneratedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

export interface Endpoint {
  method: string;
  path: string;
  operation: Operation;
}

export function endpointsOf(doc: OpenApiDocument): Endpoint[] {
  return Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      operation,
    })),
  );
}

/** Strings a client should never be able to break anything with. */
const nastyString = fc.constantFrom(
  '',
  ' ',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  "' OR 1=1 --",
  '"; DROP TABLE booking; --',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '<script>alert(1)</script>',
  'ಸೇವೆ',
  '🙏🙏🙏',
  'x'.repeat(5_000),
  '2026-02-30',
  '9999-12-31',
  '+919876543210',
  'SB-AAAAAA',
);

const anyString = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 40 }), nastyString);
const anyNumber = fc.oneof(
  fc.integer(),
  fc.integer({ min: 0, max: 60 }),
  fc.double(),
  fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER),
);

function resolve(doc: OpenApiDocument, schema: Schema | undefined): Schema {
  let current = schema ?? {};
  for (let depth = 0; current.$ref && depth < 10; depth++) {
    const name = current.$ref.split('/').pop()!;
    current = doc.components?.schemas?.[name] ?? {};
  }
  return current;
}

function dateLike(): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    anyString,
  );
}

/** A value for `schema`: usually of its type (possibly out of range), sometimes anything. */
function valueFor(doc: OpenApiDocument, raw: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(doc, raw);
  const anything = fc.jsonValue({ maxDepth: 2 });
  if (depth > 3) return anything;
  const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (alternatives?.length) {
    return fc.oneof(...alternatives.map((s) => valueFor(doc, s, depth + 1)), anything);
  }
  if (schema.enum)
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...schema.enum) },
      { weight: 1, arbitrary: anything },
    );
  if (schema.const !== undefined) return fc.oneof(fc.constant(schema.const), anything);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  let typed: fc.Arbitrary<unknown>;
  switch (type) {
    case 'integer':
    case 'number':
      typed = fc.oneof(
        fc.integer({
          min: schema.minimum ?? 0,
          max: Math.min(schema.maximum ?? 60, (schema.minimum ?? 0) + 60),
        }),
        anyNumber,
      );
      break;
    case 'boolean':
      typed = fc.boolean();
      break;
    case 'array':
      typed = fc.array(valueFor(doc, schema.items, depth + 1), { maxLength: 4 });
      break;
    case 'object':
      typed = objectFor(doc, schema, depth + 1);
      break;
    case 'string':
      typed =
        schema.format === 'date' || schema.pattern?.includes('\\d{4}') ? dateLike() : anyString;
      break;
    default:
      typed = anything;
  }
  return fc.oneof({ weight: 5, arbitrary: typed }, { weight: 1, arbitrary: anything });
}

function objectFor(
  doc: OpenApiDocument,
  schema: Schema,
  depth: number,
): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {});
  const known = fc.record(
    Object.fromEntries(properties.map(([name, s]) => [name, valueFor(doc, s, depth)])),
    { requiredKeys: [] },
  );
  const extra = fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }), {
    maxKeys: 2,
  });
  return fc.tuple(known, fc.option(extra, { freq: 5 })).map(([k, e]) => ({ ...k, ...(e ?? {}) }));
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** Requests to one endpoint; `ids` are real ids and references to mix in with made-up ones. */
export function requestsFor(
  doc: OpenApiDocument,
  endpoint: Endpoint,
  ids: { numbers: number[]; references: string[]; tokens: string[] },
  bearer: string,
): fc.Arbitrary<GeneratedRequest> {
  const parameters = endpoint.operation.parameters ?? [];
  const pathValue = (p: Parameter) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...ids.numbers).map(String) },
      { weight: 2, arbitrary: fc.constantFrom(...ids.references) },
      { weight: 2, arbitrary: valueFor(doc, p.schema).map(text) },
    );
  const pathArb = fc.record(
    Object.fromEntries(
      parameters.filter((p) => p.in === 'path').map((p) => [p.name, pathValue(p)]),
    ),
  );
  const queryArb = fc.record(
    Object.fromEntries(
      parameters
        .filter((p) => p.in === 'query')
        .map((p) => [
          p.name,
          p.name === 'token'
            ? fc.constantFrom(...ids.tokens, 'x')
            : valueFor(doc, p.schema).map(text),
        ]),
    ),
    { requiredKeys: [] },
  );
  const headerArb = fc.record(
    {
      authorization: fc.oneof(
        { weight: 4, arbitrary: fc.constant(`Bearer ${bearer}`) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'Bearer x',
            'Basic Zm9vOmJhcg==',
            `Bearer ${bearer}x`,
            'ApiKey sk_live_nothing',
          ),
        },
      ),
      'x-booking-token': fc.oneof(
        fc.constantFrom(...ids.tokens),
        anyString.filter((s) => /^[\x21-\x7e]*$/.test(s)),
      ),
      'idempotency-key': fc
        .string({ minLength: 1, maxLength: 200 })
        .filter((s) => /^[\x21-\x7e]+$/.test(s)),
    },
    { requiredKeys: [] },
  );
  // The body in the media type the document declares (JSON, or a form for the webhook).
  const [bodyMedia, media] = Object.entries(endpoint.operation.requestBody?.content ?? {})[0] ?? [
    'application/json',
    undefined,
  ];
  const bodySchema = media?.schema;
  const encode = (value: unknown): string =>
    bodyMedia === 'application/x-www-form-urlencoded' && value && typeof value === 'object'
      ? new URLSearchParams(
          Object.entries(value).map(
            ([k, v]) =>
              [k, typeof v === 'string' ? v : String(JSON.stringify(v))] as [string, string],
          ),
        ).toString()
      : (JSON.stringify(value) ?? 'null');
  const hasBody = endpoint.method !== 'GET' && endpoint.method !== 'DELETE';
  const bodyArb: fc.Arbitrary<{ payload?: string; contentType?: string }> = hasBody
    ? fc.oneof(
        {
          weight: 6,
          arbitrary: valueFor(doc, bodySchema ?? { type: 'object' }).map((v) => ({
            payload: encode(v),
            contentType: bodyMedia,
          })),
        },
        {
          weight: 1,
          arbitrary: fc
            .string({ maxLength: 60 })
            .map((s) => ({ payload: s, contentType: 'application/json' })),
        },
        {
          weight: 1,
          arbitrary: fc
            .jsonValue()
            .map((v) => ({ payload: JSON.stringify(v) ?? '', contentType: 'text/plain' })),
        },
        { weight: 1, arbitrary: fc.constant({}) },
      )
    : fc.constant({});

  return fc.tuple(pathArb, queryArb, headerArb, bodyArb).map(([path, query, headers, body]) => {
    let url = endpoint.path;
    for (const [name, value] of Object.entries(path))
      url = url.replace(`{${name}}`, encodeURIComponent(value));
    const search = new URLSearchParams(query as Record<string, string>).toString();
    return {
      method: endpoint.method,
      url: search ? `${url}?${search}` : url,
      headers: { ...headers, ...(body.contentType ? { 'content-type': body.contentType } : {}) },
      ...(body.payload !== undefined ? { payload: body.payload } : {}),
    };
  });
}
