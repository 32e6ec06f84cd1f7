import { describe, expect, it } from 'vitest';
import { temporaryPassword } from '../../src/admin/users/staff-user-admin.ts';
import { verifyPassword } from '../../src/auth/passwords.ts';
import { send } from '../app.ts';
import { testDb } from '../db.ts';
import { uniqueSuffix } from '../factories.ts';
import {
  accessTokenFor,
  createStaffUser,
  staffAppForSuite,
  TEST_PASSWORD,
} from '../staff-factories.ts';

/** Characters that are read or copied as one another: 0/O/o, 1/l/I/i, 2/Z/z, 5/S/s, 8/B, u/v. */
const LOOK_ALIKES = /[0Oo1lIi2Zz5Ss8Buv]/;

describe('staff passwords', () => {
  const { app, staff } = staffAppForSuite();

  it('issues temporary passwords with no look-alike characters, long enough to be safe', async () => {
    const res = await send(app, 'POST', '/api/v1/admin/users', staff.admin, {
      email: `new-${uniqueSuffix()}@test.sevabook.local`,
      name: 'Lakshmi',
      role: 'staff',
    });
    expect(res.statusCode).toBe(201);
    const issued = [res.json<{ temporaryPassword: string }>().temporaryPassword];
    for (let i = 0; i < 500; i++) issued.push(temporaryPassword());
    for (const password of issued) {
      expect(password).toHaveLength(20);
      expect(password).not.toMatch(LOOK_ALIKES);
      expect(password).toMatch(/^[A-Za-z0-9]+$/);
    }
    expect(new Set(issued).size).toBe(issued.length);
  });

  it('refuses a common password as the new one (422 naming newPassword) and keeps the old', async () => {
    const { user } = await createStaffUser(testDb(), { role: 'staff', mustChangePassword: true });
    const headers = { authorization: `Bearer ${accessTokenFor(user)}` };
    for (const common of ['Password@123', 'qwertyuiop123', 'iloveyou123']) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/password',
        headers,
        payload: { currentPassword: TEST_PASSWORD, newPassword: common },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'validation_failed',
        errors: [expect.objectContaining({ path: 'newPassword' })],
      });
    }
    const row = await testDb().staffUser.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, TEST_PASSWORD)).toBe(true);
    expect(row.mustChangePassword).toBe(true);
  });

  it('refuses a common password chosen by an admin for a new account', async () => {
    const email = `weak-${uniqueSuffix()}@test.sevabook.local`;
    const res = await send(app, 'POST', '/api/v1/admin/users', staff.admin, {
      email,
      name: 'Weak Password',
      role: 'viewer',
      password: 'qwertyuiop',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ errors: [expect.objectContaining({ path: 'password' })] });
    expect(await testDb().staffUser.findUnique({ where: { email } })).toBeNull();
  });
});
