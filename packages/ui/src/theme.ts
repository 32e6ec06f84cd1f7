import { createTheme, type CSSVariablesResolver } from '@mantine/core';
import { cream, ink, leaf, maroon, saffron } from './palette.ts';

/**
 * Noto Sans for Latin text and Noto Sans Kannada for Kannada, both bundled (fonts.css), so the
 * sites render the same on a closed network. Browsers pick the font per character and download
 * a face only when the page shows a character of it, so a page in English fetches no Kannada
 * font unless it shows Kannada text (the language switch's "ಕನ್ನಡ" has its own tiny font, see
 * styles.css).
 */
export const fontStack =
  "'Noto Sans', 'Noto Sans Kannada', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

export const sevabookTheme = createTheme({
  colors: { saffron, maroon, leaf },
  primaryColor: 'maroon',
  primaryShade: 7,
  // Lets `color="saffron"` filled buttons and badges pick dark text instead of white.
  autoContrast: true,
  luminanceThreshold: 0.35,
  black: ink.text,
  white: '#ffffff',
  fontFamily: fontStack,
  headings: {
    fontFamily: fontStack,
    fontWeight: '700',
    sizes: {
      h1: { fontSize: '1.75rem', lineHeight: '1.3' },
      h2: { fontSize: '1.4rem', lineHeight: '1.35' },
      h3: { fontSize: '1.2rem', lineHeight: '1.4' },
      h4: { fontSize: '1.1rem', lineHeight: '1.45' },
    },
  },
  // Body text is `md`: 18 px. Nothing that people read is smaller than 15 px (`xs`, used only
  // for badges); `sm`, used for descriptions and input labels, stays at 17 px.
  fontSizes: {
    xs: '0.9375rem',
    sm: '1.0625rem',
    md: '1.125rem',
    lg: '1.25rem',
    xl: '1.5rem',
  },
  lineHeights: { xs: '1.45', sm: '1.5', md: '1.6', lg: '1.6', xl: '1.6' },
  defaultRadius: 'md',
  focusRing: 'auto',
  cursorType: 'pointer',
  other: { cream, ink },
});

/** Warm page colours and text colours that keep AA contrast on cream (Mantine's greys do not). */
export const sevabookCssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {
    '--sevabook-cream-page': cream.page,
    '--sevabook-cream-surface': cream.surface,
    '--sevabook-cream-panel': cream.panel,
    '--sevabook-cream-border': cream.border,
    '--sevabook-ink': ink.text,
    '--sevabook-ink-muted': ink.muted,
  },
  light: {
    '--mantine-color-body': cream.page,
    '--mantine-color-text': ink.text,
    '--mantine-color-dimmed': ink.muted,
    '--mantine-color-placeholder': '#75604f',
    '--mantine-color-error': '#a11a1a',
    '--mantine-color-default': cream.surface,
    '--mantine-color-default-hover': cream.panel,
    '--mantine-color-default-color': ink.text,
    '--mantine-color-default-border': '#9a7b55',
    '--mantine-color-anchor': maroon[7],
  },
  dark: {},
});
