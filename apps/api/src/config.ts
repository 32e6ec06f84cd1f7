import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_TEMPLE_TIMEZONE } from '@sevabook/shared';
import { KEPT_SECRET_NAMES } from './secrets/kept-secrets.ts';
import { productionRefusal, weaknessOf } from './secrets/secret-strength.ts';
import type { NotificationKind } from './generated/prisma/client.ts';

/**
 * Sevabook's whole configuration, parsed and checked once at start-up. Nothing else in the
 * code base reads `process.env`. `.env.example` lists every variable people set, with a comment.
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
  API_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  SEVABOOK_WORKER_INDEX: z.coerce.number().int().min(1).optional(),
  PUBLIC_URL: z.string().url().optional(),
  TEMPLE_NAME: z.string().min(1).default('Sri Guru Raghavendra Mutt (demo)'),
  TEMPLE_ADDRESS: z.string().trim().max(300).optional(),
  TEMPLE_MAP_URL: z.string().url().optional(),
  TEMPLE_TIMEZONE: z
    .string()
    .refine(isTimeZone, 'Not an IANA time zone, e.g. Asia/Kolkata')
    .default(DEFAULT_TEMPLE_TIMEZONE),
  JWT_SECRET: z.string().optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(900).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  LOGIN_RATE_LIMIT_PER_MIN: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_BACKOFF_MAX_MINUTES: z.coerce.number().int().min(1).default(15),
  API_KEY_RATE_LIMIT_PER_MIN: z.coerce.number().int().min(1).default(120),
  BOOKING_LINK_SECRET: z.string().optional(),
  ADMIN_EMAIL: z.string().email().default('admin@sevabook.local'),
  ADMIN_PASSWORD: z.string().min(10).optional(),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_WHATSAPP_FROM: z.string().optional(),
  TWILIO_MESSAGING_SERVICE_SID: z.string().optional(),
  TWILIO_API_BASE: z.string().url().optional(),
  TWILIO_CONTENT_SID_CONFIRMATION: z.string().optional(),
  TWILIO_CONTENT_SID_CANCELLATION: z.string().optional(),
  TWILIO_CONTENT_SID_CHANGE: z.string().optional(),
  TWILIO_CONTENT_SID_REMINDER: z.string().optional(),
  RAZORPAY_KEY_ID: z.string().trim().optional(),
  RAZORPAY_KEY_SECRET: z.string().optional(),
  RAZORPAY_WEBHOOK_SECRET: z.string().optional(),
  RAZORPAY_API_BASE: z.string().url().optional(),
  RAZORPAY_CHECKOUT_URL: z.string().url().default('https://checkout.razorpay.com/v1/checkout.js'),
  PAYMENT_HOLD_SECONDS: z.coerce.number().int().min(60).max(3600).default(600),
  RECEIPT_PREFIX: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,16}$/, 'Letters, digits and dashes, at most 16')
    .default('SB'),
  NOTIFIER: z.enum(['inline', 'off']).default('inline'),
  NOTIFIER_RATE_PER_SEC: z.coerce.number().positive().max(1000).default(10),
  NOTIFIER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  NOTIFIER_BACKOFF_BASE_MS: z.coerce.number().int().min(1).default(10_000),
  NOTIFIER_BACKOFF_MAX_MS: z.coerce
    .number()
    .int()
    .min(1)
    .default(30 * 60_000),
  NOTIFIER_LEASE_MS: z.coerce.number().int().min(1_000).default(60_000),
  NOTIFIER_POLL_MS: z.coerce.number().int().min(10).default(250),
  NOTIFIER_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  NOTIFIER_RECONCILE_AFTER_MS: z.coerce.number().int().min(0).default(30_000),
  CANCELLATION_UNDO_MS: z.coerce.number().int().min(0).max(600_000).default(15_000),
  RATE_LIMIT_PER_IP_PER_MIN: z.coerce.number().int().min(1).default(600),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(20_000),
  CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  SSE_MAX_PER_IP: z.coerce.number().int().min(1).default(100),
  SSE_MAX_TOTAL: z.coerce.number().int().min(1).default(5_000),
  SSE_MAX_BUFFERED_BYTES: z.coerce
    .number()
    .int()
    .min(1_024)
    .default(64 * 1024),
  BOOKINGS_PER_PHONE_PER_SEVA_PER_DAY: z.coerce.number().int().min(1).default(3),
  WAITLIST_OFFER_SECONDS: z.coerce
    .number()
    .int()
    .min(60)
    .max(7 * 24 * 3600)
    .default(7200),
  SIGN_IN_CODES_PER_PHONE: z.coerce.number().int().min(1).max(20).default(3),
  SIGN_IN_RATE_LIMIT_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(30),
  TWILIO_CONTENT_SID_SIGN_IN_CODE: z.string().optional(),
  CORS_ORIGINS: z.string().default(''),
  REDIS_URL: z.string().url().optional(),
  TRUST_PROXY: z.string().optional(),
  REDIS_KEY_PREFIX: z.string().min(1).default('sevabook:'),
  SLOT_HORIZON_DAYS: z.coerce.number().int().min(1).max(366).default(90),
  PERSONAL_DATA_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
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

/** The environment as the code reads it; `Config` is what this schema gives. */
const configSchema = envSchema.transform((env) => {
  checkCombinations(env);
  return {
    env: env.NODE_ENV,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    host: env.HOST,
    port: env.PORT,
    /** HTTP worker processes sharing the port (node:cluster); 1 = this process serves. */
    processes: env.API_PROCESSES,
    /**
     * Which of those HTTP workers this process is (1, 2, …), from SEVABOOK_WORKER_INDEX, which
     * the primary sets on each worker it starts (server.ts); people do not set it. Unset: not a
     * worker.
     */
    workerIndex: env.SEVABOOK_WORKER_INDEX,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    templeName: env.TEMPLE_NAME,
    /** Where the temple is, told in confirmations and reminders; null when not configured. */
    templeAddress: env.TEMPLE_ADDRESS || null,
    templeMapUrl: env.TEMPLE_MAP_URL ?? null,
    templeTimeZone: env.TEMPLE_TIMEZONE,
    ...secretsOf(env),
    /** Staff sign-in: token lifetimes, login throttling and backoff, API key rate limit. */
    auth: {
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: env.REFRESH_TOKEN_TTL_DAYS,
      loginRateLimitPerMin: env.LOGIN_RATE_LIMIT_PER_MIN,
      /** Wrong passwords one address may try for one account before it has to wait. */
      loginMaxFailures: env.LOGIN_MAX_FAILURES,
      /** The longest wait that repeated wrong passwords earn. */
      backoffMaxMinutes: env.LOGIN_BACKOFF_MAX_MINUTES,
      apiKeyRateLimitPerMin: env.API_KEY_RATE_LIMIT_PER_MIN,
    },
    adminEmail: env.ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD,
    twilio: twilioOf(env),
    /** Online payment through Razorpay; undefined (payments at the counter only) without a key. */
    razorpay: razorpayOf(env),
    payments: {
      /** How long a booking waiting for its online payment holds its places. */
      holdSeconds: env.PAYMENT_HOLD_SECONDS,
      /** Receipts read {receiptPrefix}/2026-27/000123 (payments/receipts.ts). */
      receiptPrefix: env.RECEIPT_PREFIX,
    },
    notifier: env.NOTIFIER,
    /** The outbox notifier's pacing, retries and leases (notifications/notifier.ts). */
    outbox: outboxOf(env),
    ...limitsOf(env),
    /**
     * How long staff may undo a cancellation before the devotee hears of it: a staff
     * cancellation's message waits this long, and an undo within it withdraws the message
     * (bookings/restore-booking.ts). The admin's Undo button shows for 10 s; the rest covers a
     * click at the last moment and the request's way to the server.
     */
    cancellationUndoMs: env.CANCELLATION_UNDO_MS,
    slotHorizonDays: env.SLOT_HORIZON_DAYS,
    /** Days after its seva when a booking's personal details are anonymised (privacy/retention.ts). */
    personalDataRetentionDays: env.PERSONAL_DATA_RETENTION_DAYS,
    /** "My bookings" by phone: sign-in codes and devotee sessions (my-bookings/). */
    myBookings: myBookingsOf(env),
    /**
     * How long places offered to a waiting devotee are held for them (waitlist/offer-hold.ts):
     * never past the seva's booking close, so shorter close to the seva.
     */
    waitlistOfferSeconds: env.WAITLIST_OFFER_SECONDS,
    serveSpas: env.SERVE_SPAS,
    logLevel: env.LOG_LEVEL,
  };
});

export type Config = z.output<typeof configSchema>;
export type OutboxSettings = Config['outbox'];
/** Kinds without a template are sent as free text (inside WhatsApp's 24-hour window only). */
export type ContentSids = Partial<Record<NotificationKind, Record<string, string>>>;

export class ConfigError extends Error {}

/** Parses the environment (and `.env` when present) into a Config, or throws a ConfigError. */
export function loadConfig(
  source: NodeJS.ProcessEnv = readEnvironment(),
  overrides: Partial<Config> = {},
): Config {
  const parsed = configSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, ...overrides };
}

/** Refuses settings that are each valid but wrong together, and production without secrets. */
function checkCombinations(env: Env): void {
  if (env.NODE_ENV === 'production') {
    const refusal = productionRefusal(env);
    if (refusal) throw new ConfigError(refusal);
  }
  if (env.NOTIFIER_LEASE_MS < env.NOTIFIER_SEND_TIMEOUT_MS + 2_000) {
    throw new ConfigError(
      'NOTIFIER_LEASE_MS must be at least NOTIFIER_SEND_TIMEOUT_MS + 2000: a worker only starts a send its lease will outlast.',
    );
  }
  if (env.RAZORPAY_KEY_ID && !env.RAZORPAY_KEY_SECRET) {
    throw new ConfigError('RAZORPAY_KEY_ID is set but RAZORPAY_KEY_SECRET is not.');
  }
  if (env.NODE_ENV === 'production' && env.RAZORPAY_KEY_ID) {
    for (const name of ['RAZORPAY_KEY_SECRET', 'RAZORPAY_WEBHOOK_SECRET'] as const) {
      const weakness = razorpaySecretWeakness(env[name]);
      if (weakness) {
        throw new ConfigError(
          `${name} cannot be used in production: ${weakness}. Copy it from the Razorpay dashboard (the webhook secret is the one typed when the webhook was made: make it long and random).`,
        );
      }
    }
  }
  const twilioSet = env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN;
  if (twilioSet && !env.TWILIO_WHATSAPP_FROM && !env.TWILIO_MESSAGING_SERVICE_SID) {
    throw new ConfigError(
      'Twilio credentials are set but neither TWILIO_WHATSAPP_FROM nor TWILIO_MESSAGING_SERVICE_SID is.',
    );
  }
}

function secretsOf(env: Env) {
  return {
    // NOTE: never a constant. An unset secret is random for this process until the kept one is
    // read from the database (server.ts, worker.ts); production refused to start without it.
    /** Signs staff access tokens. */
    jwtSecret: env.JWT_SECRET || randomBytes(32).toString('hex'),
    /** Derives the secret in devotees' manage links (bookings/manage-token.ts). */
    bookingLinkSecret: env.BOOKING_LINK_SECRET || randomBytes(32).toString('hex'),
    /**
     * Secrets not set in the environment (never in production). Until withKeptSecrets
     * (secrets/kept-secrets.ts) replaces them with the ones kept in the database, they hold
     * random values of this process alone: safe, but not shared and not lasting.
     */
    keptSecrets: KEPT_SECRET_NAMES.filter((name) => !env[name]),
  };
}

function twilioOf(env: Env) {
  if (!env.TWILIO_ACCOUNT_SID || !env.TWILIO_AUTH_TOKEN) return undefined;
  return {
    accountSid: env.TWILIO_ACCOUNT_SID,
    authToken: env.TWILIO_AUTH_TOKEN,
    whatsappFrom: env.TWILIO_WHATSAPP_FROM,
    messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID,
    apiBase: env.TWILIO_API_BASE,
    /** WhatsApp Content template SIDs per message kind, by language ('*' = any language). */
    contentSids: {
      confirmation: parseContentSids(env.TWILIO_CONTENT_SID_CONFIRMATION),
      cancellation: parseContentSids(env.TWILIO_CONTENT_SID_CANCELLATION),
      change: parseContentSids(env.TWILIO_CONTENT_SID_CHANGE),
      reminder: parseContentSids(env.TWILIO_CONTENT_SID_REMINDER),
    } as ContentSids,
  };
}

function razorpayOf(env: Env) {
  if (!env.RAZORPAY_KEY_ID) return undefined;
  return {
    keyId: env.RAZORPAY_KEY_ID,
    // NOTE: never a constant; checkCombinations refused a key id without its secret.
    keySecret: env.RAZORPAY_KEY_SECRET!,
    /** Unset: every webhook is refused (its signature cannot be checked). */
    webhookSecret: env.RAZORPAY_WEBHOOK_SECRET || undefined,
    /** Another base URL for Razorpay's API: a test double or an egress proxy. */
    apiBase: env.RAZORPAY_API_BASE,
    /** The Checkout script the devotee site loads on its payment step. */
    checkoutUrl: env.RAZORPAY_CHECKOUT_URL,
  };
}

/**
 * Why a Razorpay secret is unfit for production, or null. Razorpay issues 24-character key
 * secrets (about 18 bytes of entropy), fewer than the 32 bytes Sevabook's own secrets need, so
 * only that one rule is relaxed: placeholders and repetitive values are still refused.
 */
function razorpaySecretWeakness(value: string | undefined): string | null {
  const weakness = weaknessOf(value);
  if (weakness?.startsWith('it carries about') && value!.length >= 20) return null;
  return weakness;
}

function outboxOf(env: Env) {
  return {
    /** Messages per second one notifier process sends at most (Twilio WhatsApp: about 10). */
    ratePerSec: env.NOTIFIER_RATE_PER_SEC,
    /** Send attempts before a message is marked dead. */
    maxAttempts: env.NOTIFIER_MAX_ATTEMPTS,
    backoffBaseMs: env.NOTIFIER_BACKOFF_BASE_MS,
    backoffMaxMs: env.NOTIFIER_BACKOFF_MAX_MS,
    /** How long a claimed row stays reserved for its worker; then it is due again. */
    leaseMs: env.NOTIFIER_LEASE_MS,
    pollMs: env.NOTIFIER_POLL_MS,
    sendTimeoutMs: env.NOTIFIER_SEND_TIMEOUT_MS,
    /** After a send whose outcome is unknown, wait this long before looking the message up. */
    reconcileAfterMs: env.NOTIFIER_RECONCILE_AFTER_MS,
  };
}

/** "My bookings": how often a code may be asked for, how long codes and sessions last. */
function myBookingsOf(env: Env) {
  return {
    /** Codes one phone may be sent in `codeWindowMinutes` (rows of phone_sign_in_code). */
    codesPerPhone: env.SIGN_IN_CODES_PER_PHONE,
    codeWindowMinutes: 15,
    /** Code requests and code checks, each per client address per hour. */
    perAddressPerHour: env.SIGN_IN_RATE_LIMIT_PER_IP_PER_HOUR,
    codeTtlMinutes: 10,
    attemptsPerCode: 5,
    sessionTtlSeconds: 900,
    /** An approved WhatsApp authentication template for the code, per language or for all. */
    contentSids: parseContentSids(env.TWILIO_CONTENT_SID_SIGN_IN_CODE),
  };
}

/** What one address, phone or connection may do, and what several instances share. */
function limitsOf(env: Env) {
  return {
    rateLimitPerIpPerMin: env.RATE_LIMIT_PER_IP_PER_MIN,
    /**
     * How long one connection may take. A request's headers and body must all arrive within
     * `requestTimeoutMs` (408 otherwise: a body trickled a byte at a time ties up nothing for
     * long); a connection on which nothing moves for `connectionTimeoutMs` is closed. The
     * availability stream is exempt from the second: it is meant to stay open.
     */
    timeouts: {
      requestTimeoutMs: env.REQUEST_TIMEOUT_MS,
      connectionTimeoutMs: env.CONNECTION_TIMEOUT_MS,
    },
    /**
     * Live-availability streams this process holds: per client address (many devotees share one
     * temple Wi-Fi or carrier address, hence generous), in total, and how much may wait unsent
     * to one reader before it is dropped as too slow.
     */
    streams: {
      maxPerAddress: env.SSE_MAX_PER_IP,
      maxTotal: env.SSE_MAX_TOTAL,
      maxBufferedBytes: env.SSE_MAX_BUFFERED_BYTES,
    },
    /** Confirmed bookings one phone may hold for one seva on one temple date (web and API). */
    bookingsPerPhonePerSevaPerDay: env.BOOKINGS_PER_PHONE_PER_SEVA_PER_DAY,
    corsOrigins: env.CORS_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    /**
     * Behind a load balancer: which hops' X-Forwarded-For to believe (a hop count, or
     * addresses/CIDRs; never `true`), so rate limits count devotees, not the proxy. Unset: none.
     */
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    /**
     * Shared state for several API instances: rate-limit counters and live-availability
     * fan-out. Unset: counters per process, and every process polls the database for availability.
     */
    redis: env.REDIS_URL ? { url: env.REDIS_URL, keyPrefix: env.REDIS_KEY_PREFIX } : undefined,
  };
}

/**
 * A template SID for every language ("HX…"), or one per language ("en:HX…,kn:HX…"): WhatsApp
 * approves each template in one language.
 */
function parseContentSids(value: string | undefined): Record<string, string> {
  if (!value?.trim()) return {};
  if (!value.includes(':')) return { '*': value.trim() };
  const sids: Record<string, string> = {};
  for (const pair of value.split(',')) {
    const [language, sid] = pair.split(':').map((part) => part.trim());
    if (!language || !sid) throw new ConfigError(`Not a "language:ContentSid" pair: "${pair}"`);
    sids[language] = sid;
  }
  return sids;
}

type TrustProxy = boolean | string[] | ((address: string, hop: number) => boolean) | undefined;

function parseTrustProxy(value: string | undefined): TrustProxy {
  if (!value?.trim()) return undefined;
  if (value.trim().toLowerCase() === 'true') {
    // NOTE: `true` believes the left-most X-Forwarded-For entry, which any client can write
    // itself: every request could claim a fresh address and walk past the per-address limits.
    throw new ConfigError(
      'TRUST_PROXY=true would believe any X-Forwarded-For a client sends, so anyone could dodge the per-address limits. Set it to the number of proxies in front of the API (e.g. TRUST_PROXY=1 behind one nginx) or to their addresses (e.g. TRUST_PROXY=10.0.0.0/8).',
    );
  }
  if (value === 'false') return undefined;
  if (/^\d+$/.test(value)) {
    // The nearest N hops are our own proxies.
    const hops = Number(value);
    return (_address: string, hop: number) => hop < hops;
  }
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
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
