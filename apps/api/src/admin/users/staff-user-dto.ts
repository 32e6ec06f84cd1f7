import type { StaffUser as StaffUserDto } from '@sevabook/shared';
import type { StaffUser } from '../../generated/prisma/client.ts';

/** A staff account as the API shows it: never the password hash or lockout counters. */
export function toStaffUserDto(user: StaffUser): StaffUserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
