import type { ComponentProps } from 'react';
import { KeyboardSelect } from './keyboard-select.tsx';

/** Focusing a filled list selects its text, so typing replaces the choice instead of adding to it. */
const selectAll = (e: React.FocusEvent<HTMLInputElement>) => e.currentTarget.select();

/**
 * A list on the counter form: it opens only once typing starts, so Tab passes through a filled
 * one without a dropdown in the way, and the first match is highlighted as the text is typed.
 */
export function CounterSelect(props: ComponentProps<typeof KeyboardSelect>) {
  return (
    <KeyboardSelect selectFirstOptionOnChange openOnFocus={false} onFocus={selectAll} {...props} />
  );
}
