import { z } from 'zod';
import { passwordSchema, staffRoleSchema, staffUserSchema } from './auth.ts';

export const staffUserListSchema = z
  .object({ items: z.array(staffUserSchema) })
  .meta({ id: 'StaffUserList' });

export const createStaffUserSchema = z
  .strictObject({
    email: z.email().max(254),
    name: z.string().trim().min(2).max(120),
    role: staffRoleSchema,
    password: passwordSchema
      .optional()
      .describe(
        'A temporary password; one is generated when left out. Changed at first sign-in either way.',
      ),
  })
  .meta({ id: 'CreateStaffUser' });
export type CreateStaffUser = z.infer<typeof createStaffUserSchema>;

export const updateStaffUserSchema = z
  .strictObject({
    name: z.string().trim().min(2).max(120).optional(),
    role: staffRoleSchema.optional(),
    active: z
      .boolean()
      .optional()
      .describe('false deactivates the account (accounts are never deleted)'),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    message: 'Change at least one field',
  })
  .meta({ id: 'UpdateStaffUser' });
export type UpdateStaffUser = z.infer<typeof updateStaffUserSchema>;

export const issuedPasswordSchema = z
  .object({
    user: staffUserSchema,
    temporaryPassword: z.string().describe('Shown once; the user must change it at first sign-in'),
  })
  .meta({ id: 'IssuedPassword' });

export const apiKeySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    role: staffRoleSchema,
    prefix: z.string().describe('The key’s first characters, to tell keys apart'),
    overrideBookingLimits: z
      .boolean()
      .describe(
        'Books outside the booking window and beyond the per-phone cap, as the counter does',
      ),
    createdById: z.number().int(),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeyListSchema = z
  .object({ items: z.array(apiKeySchema) })
  .meta({ id: 'ApiKeyList' });

export const createApiKeySchema = z
  .strictObject({
    name: z.string().trim().min(2).max(120),
    role: staffRoleSchema,
    overrideBookingLimits: z
      .boolean()
      .default(false)
      .describe(
        'Off (the default): the key’s bookings keep to the booking window and the per-phone cap, ' +
          'as a devotee’s do. On: it books outside the window and beyond the cap, as the counter ' +
          'does (a temple’s own kiosk or office software). Set only when the key is created.',
      ),
  })
  .meta({ id: 'CreateApiKey' });
export type CreateApiKey = z.infer<typeof createApiKeySchema>;

export const createdApiKeySchema = z
  .object({
    apiKey: apiKeySchema,
    key: z.string().describe('Shown once: send it as `X-API-Key` or `Authorization: Bearer`'),
  })
  .meta({ id: 'CreatedApiKey' });
