import type { Temple } from '@sevabook/shared';

/**
 * The temple as the API wrote it into the page (apps/api/src/plugins/spa.ts), so the first
 * render has the name without asking. Undefined where the page was served as built (Vite's
 * development server): the site then asks `GET /api/v1/temple`.
 */
export function templeFromPage(): Temple | undefined {
  const content = document.querySelector<HTMLMetaElement>('meta[name="sevabook-temple"]')?.content;
  if (!content) return undefined;
  try {
    const temple = JSON.parse(content) as Partial<Temple> | null;
    return typeof temple?.name === 'string' && typeof temple.timeZone === 'string'
      ? (temple as Temple)
      : undefined;
  } catch {
    return undefined;
  }
}
