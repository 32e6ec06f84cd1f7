import { describe, expect, it } from 'vitest';
import { operations } from '../../src/plugins/openapi-operations.ts';
import { appForSuite } from '../app.ts';

interface Operation {
  operationId?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; schema: { format?: string } }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  tags: { name: string }[];
  components: {
    schemas: Record<string, { required?: string[]; minProperties?: number }>;
    responses: Record<string, { content: Record<string, unknown>; headers?: object }>;
  };
}

const app = appForSuite();
async function served(): Promise<Document> {
  return (await app.inject('/api/v1/openapi.json')).json<Document>();
}
function operationsOf(doc: Document) {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      where: `${method.toUpperCase()} ${path}`,
      op,
    })),
  );
}
function schemaOf(doc: Document, ref: string | undefined) {
  return doc.components.schemas[ref?.split('/').pop() ?? ''];
}

describe('the served OpenAPI document', () => {
  it('gives every operation a unique operationId and declared tags', async () => {
    const doc = await served();
    const ops = operationsOf(doc);
    const ids = ops.map(({ where, op }) => op.operationId ?? `missing on ${where}`);
    expect(ids.filter((id) => id.startsWith('missing'))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const declared = new Set(doc.tags.map((t) => t.name));
    for (const { where, op } of ops) {
      expect(op.tags?.length, where).toBeGreaterThan(0);
      for (const tag of op.tags ?? []) expect(declared, `${where}: ${tag}`).toContain(tag);
    }
    expect(ops.find((o) => o.where === 'POST /api/v1/bookings')?.op.operationId).toBe(
      'createBooking',
    );
    // The table of operationIds names no operation the API no longer has.
    const listed = new Set(ops.map((o) => o.where));
    expect(Object.keys(operations).filter((where) => !listed.has(where))).toEqual([]);
  });

  it('declares every error as application/problem+json, and 429 with Retry-After', async () => {
    const doc = await served();
    for (const { where, op } of operationsOf(doc)) {
      for (const [status, answer] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        const resolved = answer.$ref
          ? doc.components.responses[answer.$ref.split('/').pop()!]
          : answer;
        expect(Object.keys(resolved?.content ?? {}), `${where} ${status}`).toEqual([
          'application/problem+json',
        ]);
      }
    }
    expect(doc.components.responses.TooManyRequests?.headers).toHaveProperty('Retry-After');
  });

  it('declares the statuses each kind of operation can answer', async () => {
    const doc = await served();
    const op = (where: string) => operationsOf(doc).find((o) => o.where === where)!.op;
    expect(Object.keys(op('POST /api/v1/bookings').responses)).toEqual(
      expect.arrayContaining(['200', '201', '400', '408', '413', '415', '422', '429', '503']),
    );
    expect(Object.keys(op('GET /api/v1/slots/{id}').responses)).toEqual(
      expect.arrayContaining(['404', '414', '422', '429']),
    );
    expect(Object.keys(op('GET /api/v1/admin/bookings').responses)).toEqual(
      expect.arrayContaining(['401', '403', '429']),
    );
    // Neither is behind the per-address limit.
    expect(op('GET /healthz').responses).not.toHaveProperty('429');
    expect(op('POST /api/v1/webhooks/twilio/status').responses).not.toHaveProperty('429');
  });

  it('says which operations need no sign-in, with security: []', async () => {
    const doc = await served();
    const op = (where: string) => operationsOf(doc).find((o) => o.where === where)!.op;
    expect(op('GET /api/v1/slots').security).toEqual([]);
    expect(op('POST /api/v1/bookings').security).toEqual([]);
    expect(op('GET /api/v1/admin/bookings').security).toContainEqual({ bearerAuth: [] });
    for (const { where, op: each } of operationsOf(doc)) expect(each.security, where).toBeDefined();
  });

  it('writes dates as format: date, PATCH bodies with a field at least, and language as optional', async () => {
    const doc = await served();
    const ops = operationsOf(doc);
    const slots = ops.find((o) => o.where === 'GET /api/v1/slots')!.op;
    expect(slots.parameters?.find((p) => p.name === 'from')?.schema.format).toBe('date');
    for (const { where, op } of ops.filter((o) => o.where.startsWith('PATCH'))) {
      const ref = op.requestBody?.content['application/json']?.schema.$ref;
      expect(schemaOf(doc, ref)?.minProperties, where).toBe(1);
    }
    const create = ops.find((o) => o.where === 'POST /api/v1/bookings')!.op;
    const body = schemaOf(doc, create.requestBody?.content['application/json']?.schema.$ref);
    expect(body?.required).not.toContain('language');
  });

  it('writes a schema that reads the same in and out once, and keeps no unused schema', async () => {
    const doc = await served();
    const names = Object.keys(doc.components.schemas);
    expect(names).toContain('Language');
    expect(names).not.toContain('LanguageInput');
    // An input twin stays only where it reads differently from its output.
    for (const name of names.filter((n) => n.endsWith('Input') && names.includes(n.slice(0, -5))))
      expect(doc.components.schemas[name], name).not.toEqual(
        doc.components.schemas[name.slice(0, -5)],
      );
    const text = JSON.stringify(doc.paths) + JSON.stringify(doc.components);
    for (const name of names) expect(text, name).toContain(`#/components/schemas/${name}"`);
  });

  it('declares the real media types of the calendar file, the stream, the CSV and the webhook', async () => {
    const doc = await served();
    const op = (where: string) => operationsOf(doc).find((o) => o.where === where)!.op;
    expect(
      Object.keys(op('GET /api/v1/bookings/{reference}.ics').responses['200']!.content!),
    ).toEqual(['text/calendar']);
    expect(Object.keys(op('GET /api/v1/availability/stream').responses['200']!.content!)).toEqual([
      'text/event-stream',
    ]);
    expect(Object.keys(op('GET /api/v1/admin/day-sheet').responses['200']!.content!)).toEqual([
      'application/json',
      'text/csv',
    ]);
    expect(Object.keys(op('POST /api/v1/webhooks/twilio/status').requestBody!.content)).toEqual([
      'application/x-www-form-urlencoded',
    ]);
  });
});
