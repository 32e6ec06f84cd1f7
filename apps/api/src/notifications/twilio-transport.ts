import twilio from 'twilio';
import type { RequestOptions } from 'twilio/lib/base/RequestClient';
import type { MessageListInstanceCreateOptions } from 'twilio/lib/rest/api/v2010/account/message';
import type { Config } from '../config.ts';
import type {
  LookupOutcome,
  OutgoingMessage,
  OwnedSids,
  ProviderStatus,
  SendOutcome,
  Transport,
} from './transport.ts';

type TwilioSettings = NonNullable<Config['twilio']>;

/**
 * Twilio error codes that no retry can fix: the message goes straight to `failed` with the
 * reason, for staff to act on (https://www.twilio.com/docs/api/errors).
 */
export const PERMANENT_TWILIO_ERRORS: Record<string, string> = {
  '21211': 'Invalid "To" phone number',
  '21408': 'Sending to this region is not enabled',
  '21610': 'The devotee has unsubscribed (replied STOP)',
  '21612': 'This number cannot be reached on this route',
  '21614': '"To" is not a valid mobile number',
  '63003': 'The number is not on WhatsApp',
  '63016': 'Outside the 24-hour WhatsApp window and no approved template was used',
  '63024': 'Invalid message recipient',
  '63032': 'The devotee has opted out of messages from this business',
};

/** Connection errors raised before a request could reach Twilio: resending is safe. */
const NEVER_SENT_ERRORS = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** How many of the devotee's latest messages a lookup reads. */
const LOOKUP_PAGE_SIZE = 50;

const DEFAULT_RETRY_AFTER_MS = 1_000;

/** Twilio's clock and ours may differ by this much. */
const LOOKUP_CLOCK_SKEW_MS = 60_000;

/** A 429 from Twilio, with the pause it asked for. The SDK's own error drops the headers. */
export class TwilioThrottled extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`Twilio answered 429 Too Many Requests (retry after ${retryAfterMs} ms)`);
  }
}

/**
 * The SDK's HTTP client with two changes: it sends to TWILIO_API_BASE when one is set (a
 * Twilio-compatible test double or an egress proxy), and it turns a 429 into TwilioThrottled so
 * that Retry-After reaches the notifier. `autoRetry` stays off: the outbox owns retries, and a
 * POST retried after a timeout could send a message twice.
 */
class SevabookRequestClient extends twilio.RequestClient {
  private readonly base: URL | undefined;

  constructor(apiBase: string | undefined, timeoutMs: number) {
    super({ autoRetry: false, timeout: timeoutMs, keepAlive: true });
    this.base = apiBase ? new URL(apiBase) : undefined;
  }

  override async request<TData>(opts: RequestOptions<TData>) {
    const uri = new URL(opts.uri);
    if (this.base) {
      uri.protocol = this.base.protocol;
      uri.host = this.base.host;
      uri.pathname = `${this.base.pathname.replace(/\/$/, '')}${uri.pathname}`;
    }
    const response = await super.request({ ...opts, uri: uri.toString() });
    if (response.statusCode === 429) {
      const headers = response.headers as Record<string, string | undefined>;
      throw new TwilioThrottled(retryAfterMs(headers['retry-after']));
    }
    return response;
  }
}

/** Retry-After in seconds or as an HTTP date. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number {
  if (!value) return DEFAULT_RETRY_AFTER_MS;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, date - now);
}

/** Folds Twilio's message statuses into the outbox's. */
export function providerStatus(twilioStatus: string): ProviderStatus | null {
  switch (twilioStatus) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
    case 'sending':
    case 'sent':
      return 'sent';
    case 'delivered':
      return 'delivered';
    case 'read':
      return 'read';
    case 'failed':
    case 'undelivered':
      return 'failed';
    default:
      return null;
  }
}

interface ErrorLike {
  status?: unknown;
  code?: unknown;
  message?: unknown;
}

export class TwilioTransport implements Transport {
  readonly name = 'twilio' as const;
  private readonly client: twilio.Twilio;

  constructor(
    private readonly settings: TwilioSettings,
    private readonly statusCallbackUrl: (notificationId: number) => string,
    timeoutMs: number,
  ) {
    this.client = twilio(settings.accountSid, settings.authToken, {
      autoRetry: false,
      httpClient: new SevabookRequestClient(settings.apiBase, timeoutMs),
    });
  }

  describe(): string {
    const sender = this.settings.messagingServiceSid
      ? `messaging service ${this.settings.messagingServiceSid}`
      : `from ${this.settings.whatsappFrom}`;
    const where = this.settings.apiBase ? ` via ${this.settings.apiBase}` : '';
    return `twilio transport: WhatsApp messages are sent ${sender}${where}`;
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    const params: MessageListInstanceCreateOptions = {
      to: whatsapp(message.to),
      // The row's id in the callback URL lets the status webhook match a message whose SID
      // the worker never got to record (its response was lost).
      statusCallback: this.statusCallbackUrl(message.notificationId),
    };
    if (this.settings.messagingServiceSid)
      params.messagingServiceSid = this.settings.messagingServiceSid;
    else params.from = whatsapp(this.settings.whatsappFrom ?? '');
    const contentSid = this.contentSidFor(message);
    if (contentSid) {
      params.contentSid = contentSid;
      params.contentVariables = JSON.stringify(message.message.variables);
    } else {
      params.body = message.message.body;
    }
    try {
      const created = await this.client.messages.create(params);
      return {
        kind: 'accepted',
        sid: created.sid,
        status: providerStatus(created.status) ?? 'sent',
      };
    } catch (error) {
      return classifySendError(error);
    }
  }

  async lookup(message: OutgoingMessage, ownedSids: OwnedSids): Promise<LookupOutcome> {
    try {
      const page = await this.client.messages.page({
        to: whatsapp(message.to),
        pageSize: LOOKUP_PAGE_SIZE,
      });
      const reference = message.message.variables['5'] ?? '\u0000';
      const notBefore = message.createdAt.getTime() - LOOKUP_CLOCK_SKEW_MS;
      // Every message of a booking carries its reference. A plain body is normally ours word
      // for word, but it is rendered again for the lookup and may differ (the booking or the
      // temple's settings changed meanwhile); a template's text is Twilio's own.
      const candidates = page.instances.filter(
        (m) => m.dateCreated.getTime() >= notBefore && m.body.includes(reference),
      );
      if (candidates.length === 0) return { kind: 'absent' };
      const owned = await ownedSids(candidates.map((m) => m.sid));
      const free = candidates.filter((m) => !owned.has(m.sid));
      const mine = free.find((m) => m.body === message.message.body) ?? free.at(-1);
      if (!mine) return { kind: 'absent' };
      return {
        kind: 'found',
        sid: mine.sid,
        status: providerStatus(mine.status) ?? 'sent',
        errorCode: mine.errorCode ? String(mine.errorCode) : null,
      };
    } catch (error) {
      return { kind: 'error', reason: describe(error) };
    }
  }

  private contentSidFor(message: OutgoingMessage): string | undefined {
    const sids = this.settings.contentSids[message.kind];
    return sids?.[message.message.language] ?? sids?.['*'];
  }
}

function whatsapp(number: string): string {
  return number.startsWith('whatsapp:') ? number : `whatsapp:${number}`;
}

function describe(error: unknown): string {
  const e = error as ErrorLike;
  return typeof e?.message === 'string' ? e.message : String(error);
}

/** What a failed create() means for the outbox. */
export function classifySendError(error: unknown): SendOutcome {
  if (error instanceof TwilioThrottled) {
    return { kind: 'throttled', retryAfterMs: error.retryAfterMs, reason: error.message };
  }
  const e = (error ?? {}) as ErrorLike;
  if (typeof e.status === 'number') {
    // A RestException: Twilio answered, so nothing was created.
    const twilioCode =
      typeof e.code === 'number' || typeof e.code === 'string' ? String(e.code) : undefined;
    const code = twilioCode ?? `http_${e.status}`;
    const reason = `${describe(error)} (HTTP ${e.status}${twilioCode ? `, Twilio error ${twilioCode}` : ''})`;
    if (PERMANENT_TWILIO_ERRORS[code]) {
      return { kind: 'permanent', code, reason: `${PERMANENT_TWILIO_ERRORS[code]}: ${reason}` };
    }
    return { kind: 'retry', code, reason };
  }
  if (typeof e.code === 'string' && NEVER_SENT_ERRORS.has(e.code)) {
    return { kind: 'retry', code: e.code, reason: describe(error) };
  }
  // A timeout, a reset connection, anything else: the request may have reached Twilio.
  return { kind: 'unknown', reason: describe(error) };
}
