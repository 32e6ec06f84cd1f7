import { z } from 'zod';

export const staffRoles = ['admin', 'staff', 'viewer'] as const;
export const staffRoleSchema = z.enum(staffRoles).meta({ id: 'StaffRole' });
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** A password staff choose or are given: long enough to resist guessing, short enough to hash. */
export const passwordSchema = z.string().min(10, 'Use at least 10 characters').max(200);

export const loginSchema = z
  .strictObject({
    email: z.email().max(254),
    // Any length is accepted here: a wrong password must fail like an unknown email does.
    password: z.string().min(1).max(200),
  })
  .meta({ id: 'Login' });
export type Login = z.infer<typeof loginSchema>;

export const staffUserSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    role: staffRoleSchema,
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'StaffUser' });
export type StaffUser = z.infer<typeof staffUserSchema>;

export const sessionSchema = z
  .object({
    accessToken: z.string().describe('Bearer JWT; send as `Authorization: Bearer …`'),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().describe('Seconds until the access token expires'),
    refreshExpiresAt: z.iso
      .datetime()
      .describe(
        'When the refresh token expires. The token itself is only ever the httpOnly `sevabook_refresh` cookie, never in a body a script could read',
      ),
    user: staffUserSchema,
  })
  .meta({ id: 'Session' });
export type Session = z.infer<typeof sessionSchema>;

export const changePasswordSchema = z
  .strictObject({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema })
  .refine((v) => v.currentPassword !== v.newPassword, {
    message: 'Choose a password different from the current one',
    path: ['newPassword'],
  })
  .meta({ id: 'ChangePassword' });
export type ChangePassword = z.infer<typeof changePasswordSchema>;
