/**
 * Starts downloading the Kannada font as soon as a site knows its page is in Kannada, instead of
 * when React first draws Kannada text (after the scripts, the data and a render). A page in
 * English never calls it, and never downloads the font (fonts.css). Resolves when both weights
 * are in, or failed.
 */
export function preloadKannadaFont(): Promise<void> {
  if (typeof document === 'undefined' || !('fonts' in document)) return Promise.resolve();
  // A failed download only means the page is drawn in a fallback font; it still works.
  return Promise.all(
    [400, 700].map((weight) =>
      document.fonts.load(`${weight} 1em 'Noto Sans Kannada'`, 'ಕನ್ನಡ').catch(() => undefined),
    ),
  ).then(() => undefined);
}
