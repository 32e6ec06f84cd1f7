import { Select, type SelectProps } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

interface Option {
  value: string;
  label: string;
}

type KeyboardSelectProps = Omit<
  SelectProps,
  'data' | 'searchable' | 'searchValue' | 'onSearchChange'
> & {
  data: Option[];
};

/**
 * A searchable list for typing at the counter: what was typed picks the first option whose
 * label contains it when the field is left (Tab), decided from the typed text itself.
 * NOTE: Mantine's own autoSelectOnBlur takes the option highlighted at that moment, which lags
 * the filtering by a render; a fast typist's Tab then took nothing now and again.
 */
export function KeyboardSelect({
  data,
  value,
  onChange,
  onBlur,
  onOptionSubmit,
  onFocus,
  ...props
}: KeyboardSelectProps) {
  const [search, setSearch] = useState('');
  const input = useRef<HTMLInputElement>(null);
  // Whether what the field shows was typed (since the last choice), rather than put there.
  const typing = useRef(false);
  const selectedLabel = data.find((o) => o.value === value)?.label ?? '';

  // Typing replaces the choice rather than adding to it: focusing a filled field selects its
  // text, and so does a choice filled in while the field has focus (the times arrive just after
  // Tab), which would otherwise show with the caret after it.
  useEffect(() => {
    const field = input.current;
    if (field && selectedLabel && search === selectedLabel && document.activeElement === field) {
      field.select();
    }
  }, [search, selectedLabel]);

  /** Takes the first option that matches the typed text; false when nothing changed. */
  const takeTyped = () => {
    const typed = search.trim().toLowerCase();
    if (!typed || typed === selectedLabel.toLowerCase()) return false;
    const match = data.find((o) => o.label.toLowerCase().includes(typed));
    if (!match || match.value === value) return false;
    onChange?.(match.value, match);
    return true;
  };

  return (
    <Select
      {...props}
      ref={input}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      searchValue={search}
      onSearchChange={(next) => {
        // Mantine writes the chosen option's label into the field whenever that label changes,
        // and a live count changes it ("49 free" → "48 free"): keep what is being typed.
        if (typing.current && next === selectedLabel) return;
        setSearch(next);
      }}
      onFocus={(event) => {
        event.currentTarget.select();
        onFocus?.(event);
      }}
      onInput={() => {
        typing.current = true;
      }}
      onOptionSubmit={(option) => {
        typing.current = false;
        onOptionSubmit?.(option);
      }}
      onBlur={(event) => {
        const taken = takeTyped();
        typing.current = false;
        // Nothing matched: show the choice that stands again, not the text that took nothing.
        if (!taken) setSearch(selectedLabel);
        onBlur?.(event);
      }}
    />
  );
}
