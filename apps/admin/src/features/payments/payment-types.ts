import type { BookingPayment, BookingRefund } from '@sevabook/shared';

export type {
  AdminRefund,
  AdminRefundPage,
  BookingPayment,
  BookingRefund,
  CounterPaymentMethod,
  PaymentMethod,
  RecordedPayment,
  RefundStatus,
} from '@sevabook/shared';

/**
 * The fields of a booking this feature reads about its money: the day sheet's rows and
 * AdminBooking both have them.
 */
export interface PayableBooking {
  id: number;
  reference: string;
  status: string;
  feePaise: number;
  holdExpiresAt?: string | null;
  payment?: BookingPayment | null;
  refund?: BookingRefund | null;
}
