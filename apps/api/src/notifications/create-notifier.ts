import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { ManageTokens } from '../bookings/manage-token.ts';
import { PaymentWorkers } from '../payments/payment-workers.ts';
import { PersonalDataRetention } from '../privacy/retention.ts';
import { STATUS_CALLBACK_PATH } from './delivery-status.ts';
import { Notifier, type NotifierLog } from './notifier.ts';
import { LogTransport, type Transport } from './transport.ts';
import { TwilioTransport } from './twilio-transport.ts';
import { waitlistPageUrl } from '../waitlist/entry-token.ts';
import { configureWaitlistOffers } from '../waitlist/offer-hold.ts';
import { WaitlistSweep } from '../waitlist/expire-waitlist.ts';

/** Jobs that run beside the notifier, started and stopped with it. */
function housekeepingOf(jobs: { start(): void; stop(): Promise<void> }[]) {
  return {
    start: () => jobs.forEach((job) => job.start()),
    stop: async () => {
      await Promise.all(jobs.map((job) => job.stop()));
    },
  };
}

/** Twilio when its credentials are configured; otherwise the log transport. */
export function chooseTransport(config: Config, log: NotifierLog): Transport {
  if (!config.twilio) return new LogTransport(log);
  return new TwilioTransport(
    config.twilio,
    (notificationId) => `${config.publicUrl}${STATUS_CALLBACK_PATH}?notification=${notificationId}`,
    config.outbox.sendTimeoutMs,
  );
}

export interface NotifierOverrides {
  transport?: Transport;
  workerId?: string;
}

/** The notifier for this configuration, ready to start(). */
export function createNotifier(
  config: Config,
  db: Db,
  log: NotifierLog,
  overrides: NotifierOverrides = {},
): Notifier {
  const tokens = new ManageTokens(config.bookingLinkSecret);
  // Offers made in this process (payment holds expiring) hold places as configured.
  configureWaitlistOffers({ offerSeconds: config.waitlistOfferSeconds });
  return new Notifier({
    db,
    transport: overrides.transport ?? chooseTransport(config, log),
    settings: config.outbox,
    log,
    ...(overrides.workerId ? { workerId: overrides.workerId } : {}),
    housekeeping: housekeepingOf([
      new PersonalDataRetention(db, config.personalDataRetentionDays, log),
      new WaitlistSweep(db, log),
      // Releasing held places that ran out and sending Razorpay refunds (payments/).
      new PaymentWorkers(config, db, log),
    ]),
    render: {
      timeZone: config.templeTimeZone,
      templeName: config.templeName,
      receiptPrefix: config.payments.receiptPrefix,
      manageUrl: (reference, language) =>
        `${config.publicUrl}/manage/${reference}?token=${tokens.tokenFor(reference)}&lang=${language}`,
      templeAddress: config.templeAddress,
      templeMapUrl: config.templeMapUrl,
      sevaUrl: (sevaId) => `${config.publicUrl}/sevas/${sevaId}`,
      waitlistUrl: (entryId, language) =>
        waitlistPageUrl(config.publicUrl, tokens, entryId, language),
    },
  });
}
