import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  apiKeyListSchema,
  apiKeySchema,
  createApiKeySchema,
  createdApiKeySchema,
  idParamSchema,
  problemSchema,
} from '@sevabook/shared';
import { ADMIN_ONLY, authorize, principalOf } from '../../auth/authorize.ts';
import { authProblems, staffSessionSecurity } from '../security.ts';
import { createApiKey, revokeApiKey, toApiKeyDto } from './api-key-admin.ts';

/** API keys for third-party software: admins only, signed in. */
const adminApiKeyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', authorize({ read: ADMIN_ONLY, write: ADMIN_ONLY, staffOnly: true }));
  const tags = ['admin: API keys'];
  const security = staffSessionSecurity;

  app.get(
    '/api-keys',
    {
      schema: {
        tags,
        summary: 'API keys (never their secrets)',
        security,
        response: { 200: apiKeyListSchema, ...authProblems },
      },
    },
    async () => {
      const keys = await app.db.apiKey.findMany({
        orderBy: [{ revokedAt: 'asc' }, { id: 'desc' }],
      });
      return { items: keys.map(toApiKeyDto) };
    },
  );

  app.post(
    '/api-keys',
    {
      schema: {
        tags,
        summary: 'Create a named API key with a role; the key is shown once',
        security,
        body: createApiKeySchema,
        response: { 201: createdApiKeySchema, ...authProblems },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { apiKey, key } = await createApiKey(
        app.db,
        request.body,
        principal.id,
        principal.actor,
      );
      void reply.code(201).header('cache-control', 'no-store');
      return { apiKey: toApiKeyDto(apiKey), key };
    },
  );

  app.post(
    '/api-keys/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke an API key (at once; twice is harmless)',
        security,
        params: idParamSchema,
        response: { 200: apiKeySchema, 404: problemSchema, ...authProblems },
      },
    },
    async (request) =>
      toApiKeyDto(await revokeApiKey(app.db, request.params.id, principalOf(request).actor)),
  );
};

export default adminApiKeyRoutes;
