import { describe, expect, it } from 'vitest';
import { DocumentedResponses, type DocumentWithResponses } from './documented-responses.ts';

const doc: DocumentWithResponses = {
  paths: {
    '/things/{id}': {
      get: {
        responses: {
          '200': {
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/Thing' } },
              'text/csv': { schema: { type: 'string' } },
            },
          },
          '404': { $ref: '#/components/responses/NotFound' },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        properties: { id: { type: 'integer' }, day: { type: 'string', format: 'date' } },
        required: ['id'],
      },
    },
    responses: {
      NotFound: {
        content: { 'application/problem+json': { schema: { type: 'object', required: ['code'] } } },
      },
    },
  },
};
const checker = new DocumentedResponses(doc);
const json = (statusCode: number, body: unknown, type = 'application/json; charset=utf-8') => ({
  statusCode,
  headers: { 'content-type': type },
  body: JSON.stringify(body),
});

describe('checking an answer against the document', () => {
  it('accepts an answer whose status, media type and body are documented', () => {
    expect(checker.check('GET', '/things/{id}', json(200, { id: 1, day: '2026-12-05' }))).toBe(
      undefined,
    );
    expect(checker.check('GET', '/things/{id}', json(200, 'a,b', 'text/csv'))).toBeUndefined();
    expect(
      checker.check('GET', '/things/{id}', json(404, { code: 'x' }, 'application/problem+json')),
    ).toBeUndefined();
  });

  it('finds an undocumented status, media type, or a body that does not fit', () => {
    expect(checker.check('GET', '/things/{id}', json(422, {}))).toMatch(/422 is not documented/);
    expect(checker.check('GET', '/things/{id}', json(404, { code: 'x' }))).toMatch(
      /answered application\/json/,
    );
    expect(checker.check('GET', '/things/{id}', json(200, { day: '2026-12-05' }))).toMatch(
      /does not fit/,
    );
    expect(checker.check('GET', '/things/{id}', json(200, { id: 1, day: 'soon' }))).toMatch(
      /format/,
    );
  });
});
