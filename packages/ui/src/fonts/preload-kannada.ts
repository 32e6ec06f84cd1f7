/**
 * Starts downloading the Kannada font as soon as a site knows its page is in Kannada, instead of
 * when React first draws Kannada text (after the scripts, the data and a render). A page in
 * English never calls it, and never downloads the font (fonts.css).
 */
export function preloadKannadaFont(): void {
  if (typeof document === 'undefined' || !('fonts' in document)) return;
  for (const weight of [400, 700]) {
    // A failed download only means the first paint uses a fallback font; the page still works.
    document.fonts.load(`${weight} 1em 'Noto Sans Kannada'`, 'ಕನ್ನಡ').catch(() => undefined);
  }
}
