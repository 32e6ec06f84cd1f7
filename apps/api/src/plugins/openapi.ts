import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { describeRoute, finishDocument } from './openapi-contract.ts';

/**
 * The OpenAPI 3.1 document is derived from the zod schemas every route declares; it is served
 * at /api/v1/openapi.json with a reference UI at /docs.
 */
export default fp(async function openapi(app) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Sevabook API',
        version: '1.0.0',
        description:
          'Seva bookings for a temple. Errors are RFC 9457 problem+json with a stable `code`. ' +
          'Times are UTC instants (`startsAt`) plus temple-local `date` and `time`.',
      },
      servers: [{ url: app.config.publicUrl }],
      tags: [
        { name: 'sevas', description: 'What the temple offers' },
        { name: 'slots', description: 'When, and how many places are left' },
        { name: 'bookings', description: 'Booking, looking up and cancelling' },
        { name: 'my bookings', description: 'A devotee’s bookings by phone, with a code' },
        { name: 'availability', description: 'Live changes to places left' },
        { name: 'webhooks', description: 'Callbacks from the messaging provider' },
        { name: 'auth', description: 'Staff sign-in and sessions' },
        { name: 'admin: bookings', description: 'Staff: finding, making, moving and cancelling' },
        { name: 'admin: day sheet', description: 'Staff: the day for the priests, and totals' },
        { name: 'admin: sevas and slots', description: 'Staff: sevas, schedules, slots, closures' },
        { name: 'admin: notifications', description: 'Staff: confirmations sent and failed' },
        { name: 'admin: audit', description: 'Staff: who did what' },
        { name: 'admin: staff accounts', description: 'Admins: staff users' },
        { name: 'admin: API keys', description: 'Admins: keys for other software' },
        { name: 'admin: personal data', description: 'Admins: erasing a devotee’s details' },
        { name: 'admin: check-in', description: 'Staff: arrivals at the gate and no-shows' },
        { name: 'admin: settings', description: 'Admins: the temple’s settings' },
        { name: 'waitlist', description: 'Devotees: waiting for a full slot, and its offers' },
        { name: 'admin: waitlist', description: 'Staff: slots’ waiting lists and offers' },
        {
          name: 'payments',
          description: 'Devotees: paying a held booking online; Razorpay’s webhooks',
        },
        {
          name: 'admin: payments',
          description: 'Staff: payments at the counter, refunds, collections and reconciliation',
        },
        { name: 'operations', description: 'Health checks' },
      ],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT or API key' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
          bookingToken: { type: 'apiKey', in: 'header', name: 'X-Booking-Token' },
          devoteeSession: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'A "my bookings" session from POST /api/v1/my-bookings/sessions',
          },
        },
      },
    },
    // What every route of a kind can answer is added before the zod schemas are converted;
    // media types, problem+json and shared components once the document is whole.
    transform: (route) => jsonSchemaTransform(describeRoute(route)),
    transformObject: (input) => finishDocument(jsonSchemaTransformObject(input)),
  });

  // The document and its UI are the largest answers the API gives and need no sign-in: they
  // sit behind a per-address limit like the public API's. (Only their routes are in this
  // scope; the document itself is collected from every route by `swagger` above.)
  await app.register(async (docs) => {
    await docs.register(rateLimit, app.publicRateLimit('docs'));
    await docs.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
    docs.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  });
});
