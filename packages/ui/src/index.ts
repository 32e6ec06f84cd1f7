export { sevabookTheme, sevabookCssVariablesResolver, fontStack } from './theme.ts';
export { saffron, maroon, leaf, cream, ink, textPairs } from './palette.ts';
