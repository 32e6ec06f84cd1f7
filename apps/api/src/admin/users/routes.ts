import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  createStaffUserSchema,
  idParamSchema,
  issuedPasswordSchema,
  problemSchema,
  staffUserListSchema,
  staffUserSchema,
  updateStaffUserSchema,
} from '@sevabook/shared';
import { ADMIN_ONLY, authorize, principalOf } from '../../auth/authorize.ts';
import { authProblems, staffSessionSecurity } from '../security.ts';
import { createStaffUser, resetStaffPassword, updateStaffUser } from './staff-user-admin.ts';
import { toStaffUserDto } from './staff-user-dto.ts';

/** Staff accounts: admins only, signed in (never through an API key). */
const adminUserRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', authorize({ read: ADMIN_ONLY, write: ADMIN_ONLY, staffOnly: true }));
  const tags = ['admin: staff accounts'];
  const security = staffSessionSecurity;

  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'Staff accounts',
        security,
        response: { 200: staffUserListSchema, ...authProblems },
      },
    },
    async () => {
      const users = await app.db.staffUser.findMany({
        orderBy: [{ active: 'desc' }, { name: 'asc' }, { id: 'asc' }],
      });
      return { items: users.map(toStaffUserDto) };
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Invite a staff user with a temporary password (shown once)',
        security,
        body: createStaffUserSchema,
        response: { 201: issuedPasswordSchema, 409: problemSchema, ...authProblems },
      },
    },
    async (request, reply) => {
      const { user, temporaryPassword } = await createStaffUser(
        app.db,
        request.body,
        principalOf(request).actor,
      );
      void reply.code(201);
      return { user: toStaffUserDto(user), temporaryPassword };
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Rename, change role, deactivate or reactivate a staff user',
        security,
        params: idParamSchema,
        body: updateStaffUserSchema,
        response: { 200: staffUserSchema, 404: problemSchema, 409: problemSchema, ...authProblems },
      },
    },
    async (request) =>
      toStaffUserDto(
        await updateStaffUser(app.db, request.params.id, request.body, principalOf(request).actor),
      ),
  );

  app.post(
    '/users/:id/reset-password',
    {
      schema: {
        tags,
        summary: 'Issue a new temporary password (signs the user out everywhere)',
        security,
        params: idParamSchema,
        response: { 200: issuedPasswordSchema, 404: problemSchema, ...authProblems },
      },
    },
    async (request) => {
      const { user, temporaryPassword } = await resetStaffPassword(
        app.db,
        request.params.id,
        principalOf(request).actor,
      );
      return { user: toStaffUserDto(user), temporaryPassword };
    },
  );
};

export default adminUserRoutes;
