import { mergeThemeOverrides, type MantineThemeOverride } from '@mantine/core';
import { sevabookTheme } from '@sevabook/ui';

/**
 * The shared theme, denser: staff read tables all day at a desk or a counter tablet, so body
 * text is 16 px instead of the devotee site's 18 px. Colours and fonts stay the shared ones.
 */
export const adminTheme: MantineThemeOverride = mergeThemeOverrides(sevabookTheme, {
  fontSizes: {
    xs: '0.875rem',
    sm: '0.9375rem',
    md: '1rem',
    lg: '1.125rem',
    xl: '1.375rem',
  },
  headings: {
    sizes: {
      h1: { fontSize: '1.5rem', lineHeight: '1.3' },
      h2: { fontSize: '1.25rem', lineHeight: '1.35' },
      h3: { fontSize: '1.0625rem', lineHeight: '1.4' },
    },
  },
});
