import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export const getDaySheetCsv = (date: string): Promise<string> =>
  apiRequest<string>(`/admin/day-sheet?date=${encodeURIComponent(date)}`, {
    headers: { Accept: 'text/csv' },
    as: 'text',
  });

/** The CSV needs the bearer token, so it is fetched and handed to the browser as a file. */
export const useDownloadDaySheetCsv = () =>
  useMutation({
    mutationFn: async (date: string) => {
      const csv = await getDaySheetCsv(date);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `day-sheet-${date}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
