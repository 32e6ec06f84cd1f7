import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { templeSettingsSchema } from '@sevabook/shared';
import { ADMIN_ONLY, ALL_ROLES, authorize, principalOf } from '../../auth/authorize.ts';
import { authProblems, staffSecurity } from '../security.ts';
import { readTempleSettings, saveTempleSettings } from './temple-settings.ts';

/** The temple's settings: everyone signed in reads them, only admins change them. */
const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('onRequest', authorize({ read: ALL_ROLES, write: ADMIN_ONLY }));

  app.get(
    '/settings',
    {
      schema: {
        tags: ['admin: settings'],
        summary: 'The temple’s settings',
        security: staffSecurity,
        response: { 200: templeSettingsSchema, ...authProblems },
      },
    },
    async () => readTempleSettings(app.db),
  );

  app.put(
    '/settings',
    {
      schema: {
        tags: ['admin: settings'],
        summary: 'Change the temple’s settings (admins)',
        description:
          'Every setting at once. Other API processes see a change within 30 seconds. Audited.',
        security: staffSecurity,
        body: templeSettingsSchema,
        response: { 200: templeSettingsSchema, ...authProblems },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      return saveTempleSettings(app.db, request.body, {
        actor: principal.actor,
        staffId: principal.kind === 'staff' ? principal.id : null,
      });
    },
  );
};

export default settingsRoutes;
