import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { AdminRefund } from './get-refunds.ts';

export type RefundAction = 'paid-out' | 'retry';

/** `paid-out`: the clerk handed the cash back; `retry`: send a failed online refund again. */
export const settleRefund = ({ id, action }: { id: number; action: RefundAction }) =>
  apiRequest<AdminRefund>(`/admin/refunds/${id}/${action}`, { method: 'POST' });

export const useSettleRefund = (tell: {
  onSuccess: (refund: AdminRefund, input: { id: number; action: RefundAction }) => void;
  onError: (error: Error) => void;
}) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: settleRefund,
    onSuccess: tell.onSuccess,
    onError: tell.onError,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['refunds'] }),
        queryClient.invalidateQueries({ queryKey: ['collections'] }),
        queryClient.invalidateQueries({ queryKey: ['day-sheet'] }),
      ]),
  });
};
