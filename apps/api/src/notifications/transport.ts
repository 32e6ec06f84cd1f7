import { maskPhoneForViewer } from '@sevabook/shared';
import type { NotificationKind } from '../generated/prisma/client.ts';
import type { RenderedMessage } from './render-message.ts';

/**
 * How a rendered message leaves Sevabook. The notifier owns retries and bookkeeping; a
 * transport makes exactly one attempt and says what became of it, without throwing.
 */

export interface OutgoingMessage {
  notificationId: number;
  kind: NotificationKind;
  /** E.164. */
  to: string;
  message: RenderedMessage;
  /** When the outbox row was written: no message for it can be older. */
  createdAt: Date;
}

/** Twilio's message states, folded into the outbox's. */
export type ProviderStatus = 'sent' | 'delivered' | 'read' | 'failed';

export type SendOutcome =
  /** The provider took the message. */
  | { kind: 'accepted'; sid: string | null; status: ProviderStatus }
  /** Not sent, and trying again later may work (5xx, connection refused, unknown 4xx). */
  | { kind: 'retry'; code: string; reason: string }
  /** Too many requests: not sent; pause this sender, then try again without counting it. */
  | { kind: 'throttled'; retryAfterMs: number; reason: string }
  /** Can never succeed as it is (invalid number, outside the 24-hour window, unsubscribed). */
  | { kind: 'permanent'; code: string; reason: string }
  /** The request may have reached the provider (a timeout after it left): look it up later. */
  | { kind: 'unknown'; reason: string };

export type LookupOutcome =
  | { kind: 'found'; sid: string; status: ProviderStatus; errorCode: string | null }
  /** The provider has no such message: it was never sent, and sending now is safe. */
  | { kind: 'absent' }
  | { kind: 'error'; reason: string };

/** Of these provider SIDs, the ones already recorded on some outbox row. */
export type OwnedSids = (sids: string[]) => Promise<Set<string>>;

export interface Transport {
  readonly name: 'twilio' | 'log';
  /** A line for the start-up log saying where messages go. */
  describe(): string;
  send(message: OutgoingMessage): Promise<SendOutcome>;
  /**
   * Finds the message a send with an unknown outcome may have created. `ownedSids` tells which
   * candidate SIDs already belong to other outbox rows, so one message is never claimed twice.
   */
  lookup(message: OutgoingMessage, ownedSids: OwnedSids): Promise<LookupOutcome>;
}

export interface LogSink {
  info(object: object, message: string): void;
}

/**
 * Without Twilio credentials: log that the message would have gone out and count it as sent, so
 * a fresh install runs end to end. Printing twice harms nobody, so a lookup always answers
 * "absent". NOTE: only a masked phone and the message's kind are logged, never the body: it
 * holds the devotee's name and the manage link, whose token lets anyone read or cancel the
 * booking.
 */
export class LogTransport implements Transport {
  readonly name = 'log' as const;

  constructor(private readonly log: LogSink) {}

  describe(): string {
    return 'log transport: WhatsApp messages are not sent, only noted in the log without their text (set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_WHATSAPP_FROM to send them)';
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    this.log.info(
      {
        notificationId: message.notificationId,
        kind: message.kind,
        to: maskPhoneForViewer(message.to),
        language: message.message.language,
        characters: message.message.body.length,
      },
      `WhatsApp ${message.kind} message to ${maskPhoneForViewer(message.to)} (log transport: not sent)`,
    );
    return { kind: 'accepted', sid: null, status: 'sent' };
  }

  async lookup(): Promise<LookupOutcome> {
    return { kind: 'absent' };
  }
}
