import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';
import type { CollectionsRange } from './get-collections.ts';

export const getCollectionsCsv = ({ from, to }: CollectionsRange): Promise<string> =>
  apiRequest<string>(`/admin/collections?${new URLSearchParams({ from, to, format: 'csv' })}`, {
    headers: { Accept: 'text/csv' },
    as: 'text',
  });

/** The CSV needs the bearer token, so it is fetched and handed to the browser as a file. */
export const useDownloadCollectionsCsv = () =>
  useMutation({
    mutationFn: async (range: CollectionsRange) => {
      const csv = await getCollectionsCsv(range);
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download =
        range.from === range.to
          ? `collections-${range.from}.csv`
          : `collections-${range.from}-to-${range.to}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    },
  });
