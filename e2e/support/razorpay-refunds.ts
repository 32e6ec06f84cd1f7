import type { FakeRazorpay } from '@sevabook/api/testing/fake-razorpay';

/**
 * Razorpay's side of a refund, for the browser tests: the fake takes a refund as pending, and a
 * moment later, as Razorpay would once the bank has it, marks it processed and tells the API by
 * its signed `refund.processed` webhook. Runs in the global setup's process, beside the fake.
 */
export function processRefunds(
  fake: FakeRazorpay,
  apiBaseUrl: string,
  { afterMs = 1_500, everyMs = 500 } = {},
): () => void {
  const sent = new Set<string>();
  const timer = setInterval(() => {
    const due = fake.refunds.filter(
      (r) =>
        r.status === 'pending' && !sent.has(r.id) && Date.now() - r.created_at * 1000 >= afterMs,
    );
    for (const refund of due) {
      sent.add(refund.id);
      const { body, headers } = fake.refundWebhook('refund.processed', refund.id);
      fetch(`${apiBaseUrl}/api/v1/payments/razorpay/webhook`, { method: 'POST', body, headers })
        .then((response) => {
          if (!response.ok) throw new Error(`answered ${response.status}`);
        })
        .catch((error: unknown) => {
          // Razorpay retries a webhook that failed; so does this, on the next round.
          refund.status = 'pending';
          sent.delete(refund.id);
          console.warn(`refund.processed webhook for ${refund.id}: ${String(error)}`);
        });
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
