import type { MantineColorsTuple } from '@mantine/core';

/**
 * The temple's colours. Shades run light (0) to dark (9), as Mantine expects.
 *
 * Contrast rules that keep every text/background pair at WCAG AA (checked in contrast.test.ts):
 * - text on cream or white uses `ink`, `inkMuted`, maroon 6–9 or leaf 8–9;
 * - white text sits only on maroon 6–9 (never on saffron: white on saffron is about 2.5:1);
 * - saffron is for fills, borders and stripes, with `ink` on top when it carries text.
 */
export const saffron: MantineColorsTuple = [
  '#fff6e8',
  '#ffe9c7',
  '#ffd699',
  '#ffc266',
  '#ffad33',
  '#f7990f',
  '#e68a00',
  '#b86e00',
  '#8a5200',
  '#5c3700',
];

export const maroon: MantineColorsTuple = [
  '#fbecee',
  '#f3d0d5',
  '#e6a3ad',
  '#d77483',
  '#c24a5d',
  '#a52c42',
  '#8c1d33',
  '#74152a',
  '#5c0f21',
  '#430a17',
];

/** A calm green for "places free"; only its dark shades carry text. */
export const leaf: MantineColorsTuple = [
  '#e9f6ec',
  '#cdebd4',
  '#a3d9b0',
  '#74c488',
  '#4cae66',
  '#33954f',
  '#247d3f',
  '#1c6633',
  '#165229',
  '#0f3b1d',
];

export const cream = {
  /** Page background. */
  page: '#fff8ec',
  /** Cards and inputs: a touch lighter than the page so they lift off it. */
  surface: '#fffdf8',
  /** Quiet panels, e.g. the fee box. */
  panel: '#fbefd9',
  /** Hairlines and card borders (decorative, not text). */
  border: '#ead3ad',
} as const;

export const ink = {
  /** Body text: dark brown rather than black, warmer on cream. */
  text: '#2b1810',
  /** Secondary text; still ≥ 7:1 on cream. */
  muted: '#5b4334',
} as const;

/** Every pair the sites draw text with, for the contrast test and for reviewers. */
export const textPairs: ReadonlyArray<{ name: string; fg: string; bg: string }> = [
  { name: 'body text on page', fg: ink.text, bg: cream.page },
  { name: 'muted text on page', fg: ink.muted, bg: cream.page },
  { name: 'muted text on panel', fg: ink.muted, bg: cream.panel },
  { name: 'body text on surface', fg: ink.text, bg: cream.surface },
  { name: 'maroon link on page', fg: maroon[7], bg: cream.page },
  { name: 'maroon on light maroon', fg: maroon[8], bg: maroon[0] },
  { name: 'white on maroon button', fg: '#ffffff', bg: maroon[7] },
  { name: 'white on maroon hover', fg: '#ffffff', bg: maroon[8] },
  { name: 'cream on maroon header', fg: cream.page, bg: maroon[8] },
  { name: 'saffron-tinted header text', fg: saffron[2], bg: maroon[8] },
  { name: 'ink on saffron', fg: ink.text, bg: saffron[5] },
  { name: 'ink on light saffron', fg: ink.text, bg: saffron[1] },
  { name: 'green on light green', fg: leaf[8], bg: leaf[0] },
  { name: 'error text on page', fg: '#a11a1a', bg: cream.page },
  { name: 'error text on surface', fg: '#a11a1a', bg: cream.surface },
];
