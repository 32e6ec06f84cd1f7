import type { Booking } from '@sevabook/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { usePaymentOrder, type PaymentOrder } from '../api/payment-order.ts';
import { useVerifyPayment } from '../api/verify-payment.ts';
import {
  loadCheckout,
  type CheckoutOptions,
  type RazorpayCheckout,
} from '../checkout/razorpay-checkout.ts';
import { problemOfOrder, problemOfVerify, type PaymentProblem } from '../payment-problem.ts';

/** What Checkout shows the devotee besides the order: who is paying, for what. */
export type CheckoutDetails = Pick<
  CheckoutOptions,
  'name' | 'description' | 'prefill' | 'config' | 'theme' | 'notes'
>;

export type CheckoutPhase = 'preparing' | 'ready' | 'opening' | 'open' | 'verifying' | 'paid';

/**
 * One booking's payment through Checkout, tried as often as the devotee likes while the hold
 * lasts: the order is asked for when the step opens and the script loaded with it, so the
 * button opens Checkout at once; each failure becomes a `problem` the step words.
 */
export function useCheckout({
  reference,
  token,
  enabled,
  known,
  onPaid,
}: {
  reference: string;
  token: string;
  enabled: boolean;
  known: PaymentOrder | null;
  onPaid: (booking: Booking) => void;
}) {
  const order = usePaymentOrder(reference, token, enabled, known);
  const verify = useVerifyPayment();
  // 'ready' until an attempt starts; shown as 'preparing' while the order is on its way.
  const [attempt, setPhase] = useState<Exclude<CheckoutPhase, 'preparing'>>('ready');
  const phase: CheckoutPhase = attempt === 'ready' && !order.data ? 'preparing' : attempt;
  const [problem, setProblem] = useState<PaymentProblem | null>(null);
  const checkout = useRef<RazorpayCheckout | null>(null);

  // The script starts loading as soon as the order says where it is.
  useEffect(() => {
    if (!order.data) return;
    void loadCheckout(order.data.checkoutUrl).catch(() => undefined);
  }, [order.data]);

  const orderProblem = order.isError ? problemOfOrder(order.error) : null;

  async function open(details: CheckoutDetails): Promise<void> {
    setProblem(null);
    setPhase('opening');
    let current: PaymentOrder | undefined = order.data;
    try {
      if (!current) current = (await order.refetch({ throwOnError: true })).data;
      if (!current) throw new Error('No order');
    } catch (error) {
      setPhase('ready');
      setProblem(problemOfOrder(error));
      return;
    }
    let Razorpay;
    try {
      Razorpay = await loadCheckout(current.checkoutUrl);
    } catch {
      setPhase('ready');
      setProblem('unreachable');
      return;
    }
    // Checkout keeps its window open after a failed attempt, for another try; closing it then
    // leaves the failure, not "you closed it", as the sentence the devotee reads.
    let failed = false;
    const instance = new Razorpay({
      ...details,
      key: current.keyId,
      amount: current.amountPaise,
      currency: current.currency,
      order_id: current.orderId,
      handler: (payment) => {
        checkout.current = null;
        setPhase('verifying');
        setProblem(null);
        verify.mutate(
          { reference, token, payment },
          {
            onSuccess: (booking) => {
              setPhase('paid');
              onPaid(booking);
            },
            onError: (error) => {
              setPhase('ready');
              setProblem(problemOfVerify(error));
            },
          },
        );
      },
      modal: {
        ondismiss: () => {
          checkout.current = null;
          setPhase('ready');
          setProblem(failed ? 'failed' : 'dismissed');
        },
      },
    });
    instance.on('payment.failed', () => {
      failed = true;
      setProblem('failed');
    });
    checkout.current = instance;
    instance.open();
    setPhase('open');
  }

  /** The hold ran out while Checkout was open: close it, the places are gone. */
  const close = useCallback(() => {
    checkout.current?.close?.();
    checkout.current = null;
  }, []);

  return {
    order,
    phase,
    problem: problem ?? orderProblem,
    open,
    close,
  };
}
