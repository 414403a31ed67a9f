import { api } from '../../api/client';
import type { ListQuery } from './queueQuery';

/** At most this many rows in one export; the list API gives 100 a page. */
export const EXPORT_LIMIT = 10_000;

/** Joins CSV pages: the header line once, then every page's rows. */
export function joinCsvPages(pages: string[]): string {
  const [first, ...rest] = pages;
  if (first === undefined) return '';
  const body = rest.map((page) => page.split(/\r?\n/).slice(1).filter((line) => line.length > 0).join('\n'))
    .filter((rows) => rows.length > 0);
  return [first.replace(/\s+$/, ''), ...body].join('\n') + '\n';
}

/** The queue's current filters as CSV, page after page (X-Next-Cursor), saved as a download. */
export async function exportCsv(query: ListQuery, fileName: string): Promise<void> {
  const pages: string[] = [];
  let cursor: string | undefined;
  let rows = 0;
  do {
    const { data, response } = await api.GET('/api/tickets', {
      params: { query: { ...query, size: 100, format: 'csv', ...(cursor ? { cursor } : {}) } },
      parseAs: 'text',
    });
    if (!response.ok) throw new Error(`export failed: ${response.status}`);
    pages.push(data ?? '');
    rows += 100;
    cursor = response.headers.get('X-Next-Cursor') ?? undefined;
  } while (cursor && rows < EXPORT_LIMIT);
  const url = URL.createObjectURL(new Blob([joinCsvPages(pages)], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
