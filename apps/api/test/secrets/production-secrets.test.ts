import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManageTokens } from '../../src/bookings/manage-token.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';

/** A production environment that is fine but for what a test changes. */
const production = (overrides: Record<string, string | undefined> = {}) => ({
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://seva.example.org',
  JWT_SECRET: randomBytes(32).toString('hex'),
  BOOKING_LINK_SECRET: randomBytes(32).toString('base64'),
  ...overrides,
});

/**
 * fast-check also makes arrays like all zeros: rightly refused, and no output of a random
 * generator in practice. Random bytes have many distinct values.
 */
const looksRandom = (bytes: Uint8Array) => new Set(bytes).size >= bytes.length * 0.75;

const refusal = (env: Record<string, string | undefined>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return null;
};

describe('secrets in production', () => {
  it('starts with 32 random bytes each, written in hex or base64', () => {
    expect(refusal(production())).toBeNull();
    expect(refusal(production({ JWT_SECRET: randomBytes(32).toString('base64url') }))).toBeNull();
  });

  // The placeholders docker-compose.yml and .env.example once carried, and what people type.
  const weak: [string, string | undefined, RegExp][] = [
    ['missing', undefined, /not set/],
    ['empty', '', /not set/],
    ['16 random bytes', randomBytes(16).toString('hex'), /16 bytes of entropy/],
    [
      'the compose file’s old placeholder',
      'replace-with-64-random-hex-characters-0123456789abcdef0123456789',
      /placeholder/,
    ],
    ['the old development constant', 'sevabook-development-booking-link-secret', /placeholder/],
    ['"change-me"', 'change-me-change-me-change-me-change-me-1234', /placeholder/],
    ['one character repeated', 'a'.repeat(64), /low-entropy/],
    ['a short pattern repeated', '0123456789abcdef'.repeat(4), /low-entropy/],
    ['a long phrase of few letters', 'abababababbabababbaabababbabababab'.repeat(2), /low-entropy/],
  ];

  for (const name of ['JWT_SECRET', 'BOOKING_LINK_SECRET']) {
    for (const [what, value, reason] of weak) {
      it(`refuses to start when ${name} is ${what}, naming the variable`, () => {
        const message = refusal(production({ [name]: value }));
        expect(message).toMatch(new RegExp(`^${name} cannot be used in production`));
        expect(message).toMatch(reason);
        // The message must not echo the secret into the terminal or a log.
        if (value) expect(message).not.toContain(value);
      });
    }
  }

  it('accepts any 32 random bytes or more, in hex, base64 or base64url', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 64 }).filter(looksRandom),
        fc.constantFrom('hex', 'base64', 'base64url') as fc.Arbitrary<BufferEncoding>,
        (bytes, encoding) => {
          const value = Buffer.from(bytes).toString(encoding);
          expect(refusal(production({ JWT_SECRET: value, BOOKING_LINK_SECRET: value }))).toBeNull();
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses to start without PUBLIC_URL', () => {
    expect(refusal(production({ PUBLIC_URL: undefined }))).toMatch(/^PUBLIC_URL must be set/);
  });
});

describe('secrets outside production', () => {
  it('are never a constant: unset ones are random and listed to be kept in the database', () => {
    const [first, second] = [loadConfig({ NODE_ENV: 'development' }), loadConfig({})];
    expect(first.keptSecrets).toEqual(['JWT_SECRET', 'BOOKING_LINK_SECRET']);
    expect(first.bookingLinkSecret).not.toBe(second.bookingLinkSecret);
    expect(first.jwtSecret).not.toBe(second.jwtSecret);
    // The value that used to be the default no longer computes anyone's manage link.
    const reference = 'SB-7K3M9Q';
    const old = new ManageTokens('sevabook-development-booking-link-secret');
    expect(new ManageTokens(first.bookingLinkSecret).tokenFor(reference)).not.toBe(
      old.tokenFor(reference),
    );
  });

  it('are taken as given when set, and then nothing is kept', () => {
    const jwt = randomBytes(32).toString('hex');
    const config = loadConfig({ NODE_ENV: 'test', JWT_SECRET: jwt });
    expect(config.jwtSecret).toBe(jwt);
    expect(config.keptSecrets).toEqual(['BOOKING_LINK_SECRET']);
  });
});

describe('the example configurations', () => {
  const root = new URL('../../../../', import.meta.url);
  const read = (file: string) => readFileSync(new URL(file, root), 'utf8');

  it('give no secret a default in docker-compose.yml: compose stops and names what is missing', () => {
    const compose = read('docker-compose.yml');
    for (const name of [
      'JWT_SECRET',
      'BOOKING_LINK_SECRET',
      'MYSQL_PASSWORD',
      'MYSQL_ROOT_PASSWORD',
      'PUBLIC_URL',
    ]) {
      const uses = [...compose.matchAll(new RegExp(`\\$\\{${name}(:?[?-])`, 'g'))];
      expect(uses.length, name).toBeGreaterThan(0);
      expect(
        uses.map((use) => use[1]),
        name,
      ).toEqual(uses.map(() => ':?'));
    }
  });

  it('leave the secrets empty in .env.example', () => {
    const example = read('.env.example');
    expect(example).toMatch(/^JWT_SECRET=$/m);
    expect(example).toMatch(/^BOOKING_LINK_SECRET=$/m);
  });
});
