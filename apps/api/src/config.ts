import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_TEMPLE_TIMEZONE } from '@sevabook/shared';

/**
 * Sevabook's whole configuration, parsed and checked once at start-up. Nothing else in the
 * code base reads `process.env`. `.env.example` lists every variable with a comment.
 */
const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().default('mysql://root@127.0.0.1:3306/sevabook'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  TEMPLE_NAME: z.string().min(1).default('Sri Guru Raghavendra Mutt (demo)'),
  TEMPLE_TIMEZONE: z
    .string()
    .refine(isTimeZone, 'Not an IANA time zone, e.g. Asia/Kolkata')
    .default(DEFAULT_TEMPLE_TIMEZONE),
  JWT_SECRET: z.string().optional(),
  BOOKING_LINK_SECRET: z.string().optional(),
  ADMIN_EMAIL: z.string().email().default('admin@sevabook.local'),
  ADMIN_PASSWORD: z.string().min(10).optional(),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_WHATSAPP_FROM: z.string().optional(),
  TWILIO_MESSAGING_SERVICE_SID: z.string().optional(),
  TWILIO_API_BASE: z.string().url().optional(),
  NOTIFIER: z.enum(['inline', 'off']).default('inline'),
  RATE_LIMIT_PER_IP_PER_MIN: z.coerce.number().int().min(1).default(600),
  CORS_ORIGINS: z.string().default(''),
  SLOT_HORIZON_DAYS: z.coerce.number().int().min(1).max(366).default(90),
  SERVE_SPAS: boolish.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  databaseUrl: string;
  databasePoolSize: number;
  host: string;
  port: number;
  publicUrl: string;
  templeName: string;
  templeTimeZone: string;
  jwtSecret: string;
  /** True when no JWT_SECRET was given and one was generated for this process. */
  jwtSecretGenerated: boolean;
  /** Derives the secret in devotees' manage links (bookings/manage-token.ts). */
  bookingLinkSecret: string;
  adminEmail: string;
  adminPassword: string | undefined;
  twilio:
    | {
        accountSid: string;
        authToken: string;
        whatsappFrom: string | undefined;
        messagingServiceSid: string | undefined;
        apiBase: string | undefined;
      }
    | undefined;
  notifier: Env['NOTIFIER'];
  rateLimitPerIpPerMin: number;
  corsOrigins: string[];
  slotHorizonDays: number;
  serveSpas: boolean;
  logLevel: Env['LOG_LEVEL'];
}

export class ConfigError extends Error {}

/** Parses the environment (and `.env` when present) into a Config, or throws a ConfigError. */
export function loadConfig(
  source: NodeJS.ProcessEnv = readEnvironment(),
  overrides: Partial<Config> = {},
): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;

  if (env.NODE_ENV === 'production' && (!env.JWT_SECRET || env.JWT_SECRET.length < 32)) {
    throw new ConfigError(
      'JWT_SECRET must be set to at least 32 random characters in production (e.g. `openssl rand -hex 32`).',
    );
  }

  if (env.NODE_ENV === 'production' && (!env.BOOKING_LINK_SECRET || env.BOOKING_LINK_SECRET.length < 32)) {
    throw new ConfigError(
      'BOOKING_LINK_SECRET must be set to at least 32 random characters in production: it signs the links devotees use to manage bookings.',
    );
  }

  const twilioSet = env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN;
  if (twilioSet && !env.TWILIO_WHATSAPP_FROM && !env.TWILIO_MESSAGING_SERVICE_SID) {
    throw new ConfigError(
      'Twilio credentials are set but neither TWILIO_WHATSAPP_FROM nor TWILIO_MESSAGING_SERVICE_SID is.',
    );
  }

  return {
    env: env.NODE_ENV,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL.replace(/\/$/, ''),
    templeName: env.TEMPLE_NAME,
    templeTimeZone: env.TEMPLE_TIMEZONE,
    jwtSecret: env.JWT_SECRET ?? randomBytes(32).toString('hex'),
    jwtSecretGenerated: !env.JWT_SECRET,
    // NOTE: a fixed development secret keeps manage links valid across restarts in development;
    // production refuses to start without a real one (above).
    bookingLinkSecret: env.BOOKING_LINK_SECRET ?? 'sevabook-development-booking-link-secret',
    adminEmail: env.ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD,
    twilio: twilioSet
      ? {
          accountSid: env.TWILIO_ACCOUNT_SID!,
          authToken: env.TWILIO_AUTH_TOKEN!,
          whatsappFrom: env.TWILIO_WHATSAPP_FROM,
          messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID,
          apiBase: env.TWILIO_API_BASE,
        }
      : undefined,
    notifier: env.NOTIFIER,
    rateLimitPerIpPerMin: env.RATE_LIMIT_PER_IP_PER_MIN,
    corsOrigins: env.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    slotHorizonDays: env.SLOT_HORIZON_DAYS,
    serveSpas: env.SERVE_SPAS,
    logLevel: env.LOG_LEVEL,
    ...overrides,
  };
}

/** process.env, with `.env` from the working directory or the repository root loaded first. */
function readEnvironment(): NodeJS.ProcessEnv {
  for (const file of ['.env', '../../.env']) {
    if (existsSync(file)) {
      process.loadEnvFile(file);
      break;
    }
  }
  return process.env;
}
