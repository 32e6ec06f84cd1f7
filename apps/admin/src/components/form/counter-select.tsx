import type { ComponentProps } from 'react';
import { KeyboardSelect } from './keyboard-select.tsx';

/**
 * A list on the counter form: it opens only once typing starts, so Tab passes through a filled
 * one without a dropdown in the way, and the first match is highlighted as the text is typed.
 */
export function CounterSelect(props: ComponentProps<typeof KeyboardSelect>) {
  return <KeyboardSelect selectFirstOptionOnChange openOnFocus={false} {...props} />;
}
