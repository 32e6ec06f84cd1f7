import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { HoldExpiry } from './hold-expiry.ts';
import { razorpayGatewayOf } from './razorpay-gateway.ts';
import { RefundSender } from './refund-sender.ts';

/**
 * The payments' background work, in the notifier's process and started and stopped with it
 * (notifications/create-notifier.ts): releasing holds that ran out (hold-expiry.ts) and sending
 * Razorpay refunds (refund-sender.ts). Each round claims its own rows, so any number of these
 * may run against one database. Holds are released even with online payment off: waiting-list
 * offers hold places too.
 */

export interface PaymentWorkerLog {
  error: (details: object, message: string) => void;
}

export interface PaymentWorkerOptions {
  /** Between rounds with nothing to do. */
  pollMs?: number;
  /** Overrides for tests: quicker leases and backoff. */
  refunds?: Partial<ConstructorParameters<typeof RefundSender>[2]>;
  holdLookupLeaseMs?: number;
}

export class PaymentWorkers {
  private readonly holds: HoldExpiry;
  private readonly refunds: RefundSender | undefined;
  private readonly pollMs: number;
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(
    config: Pick<Config, 'razorpay' | 'templeTimeZone'>,
    db: Db,
    private readonly log: PaymentWorkerLog,
    options: PaymentWorkerOptions = {},
  ) {
    const gateway = razorpayGatewayOf(config);
    this.pollMs = options.pollMs ?? 1_000;
    this.holds = new HoldExpiry(db, gateway, {
      batchSize: 20,
      lookupLeaseMs: options.holdLookupLeaseMs ?? 30_000,
      timeZone: config.templeTimeZone,
    });
    this.refunds = gateway
      ? new RefundSender(db, gateway, {
          batchSize: 10,
          // Longer than the SDK's 15 s timeout: a lease never ends while its send may still land.
          leaseMs: 60_000,
          maxAttempts: 8,
          backoffBaseMs: 30_000,
          backoffMaxMs: 30 * 60_000,
          ...options.refunds,
        })
      : undefined;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  /** One round of each; for tests. */
  async runOnce(now = new Date()): Promise<number> {
    const held = await this.holds.runOnce(now);
    const refunded = (await this.refunds?.runOnce(now)) ?? 0;
    return held + refunded;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let handled = 0;
      try {
        handled = await this.runOnce();
      } catch (err) {
        this.log.error({ err }, 'payments worker round failed; trying again');
      }
      // A full round may have left more due rows: go again at once.
      if (handled === 0 && !this.stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  }
}
