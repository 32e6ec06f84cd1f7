import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  adminSevaListSchema,
  adminSevaSchema,
  createSevaSchema,
  idParamSchema,
  problemSchema,
  updateSevaSchema,
} from '@sevabook/shared';
import { ADMIN_ONLY, ALL_ROLES, authorize, principalOf } from '../../auth/authorize.ts';
import { notFound } from '../../errors.ts';
import { authProblems, staffSecurity } from '../security.ts';
import { createSeva, toAdminSevaDto, updateSeva } from './seva-admin.ts';

/** Seva setup: every role may read; only admins change. */
const adminSevaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', authorize({ read: ALL_ROLES, write: ADMIN_ONLY }));
  const tags = ['admin: sevas and slots'];

  app.get(
    '/sevas',
    {
      schema: {
        tags,
        summary: 'All sevas, active or not',
        security: staffSecurity,
        response: { 200: adminSevaListSchema, ...authProblems },
      },
    },
    async () => {
      const sevas = await app.db.seva.findMany({ orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] });
      return { items: sevas.map(toAdminSevaDto) };
    },
  );

  app.get(
    '/sevas/:id',
    {
      schema: {
        tags,
        summary: 'One seva',
        security: staffSecurity,
        params: idParamSchema,
        response: { 200: adminSevaSchema, 404: problemSchema, ...authProblems },
      },
    },
    async (request) => {
      const seva = await app.db.seva.findUnique({ where: { id: request.params.id } });
      if (!seva) throw notFound(`There is no seva ${request.params.id}.`);
      return toAdminSevaDto(seva);
    },
  );

  app.post(
    '/sevas',
    {
      schema: {
        tags,
        summary: 'Add a seva (admin)',
        security: staffSecurity,
        body: createSevaSchema,
        response: { 201: adminSevaSchema, 409: problemSchema, ...authProblems },
      },
    },
    async (request, reply) => {
      const seva = await createSeva(app.db, request.body, principalOf(request).actor);
      void reply.code(201).header('location', `/api/v1/admin/sevas/${seva.id}`);
      return toAdminSevaDto(seva);
    },
  );

  app.patch(
    '/sevas/:id',
    {
      schema: {
        tags,
        summary: 'Change a seva (admin); `active: false` hides it from devotees',
        security: staffSecurity,
        params: idParamSchema,
        body: updateSevaSchema,
        response: { 200: adminSevaSchema, 404: problemSchema, 409: problemSchema, ...authProblems },
      },
    },
    async (request) =>
      toAdminSevaDto(
        await updateSeva(app.db, request.params.id, request.body, principalOf(request).actor),
      ),
  );
};

export default adminSevaRoutes;
