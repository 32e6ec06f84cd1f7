import { Select, TextInput } from '@mantine/core';
import type { Seva } from '@sevabook/shared';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CounterSelect } from '../form/counter-select.tsx';
import { nakshatraOptions, rashiOptions } from '../../lib/sankalpa-labels.ts';

/** The sankalpa as the admin forms hold it: each list holds a key, or null when not known. */
export interface SankalpaValues {
  gotra: string;
  nakshatra: string | null;
  rashi: string | null;
}

interface SankalpaFieldsProps<T extends SankalpaValues> {
  form: UseFormReturn<T>;
  /**
   * Whose labels the fields carry, and how they are typed into. The counter types at speed: its
   * lists take the first match of what was typed and the browser offers no old entries. The
   * booking editor keeps Mantine's own searchable lists.
   */
  at: 'counter' | 'bookings';
  /** Only what the seva asks for; all three when no seva is chosen yet. */
  asks?: Seva['asks'] | undefined;
  /** Only gotra can be wrong (too long); the lists offer nothing but valid keys. */
  gotraError?: string | undefined;
}

const lists = [
  { name: 'nakshatra', data: nakshatraOptions },
  { name: 'rashi', data: rashiOptions },
] as const;

/** Gotra, nakshatra and rashi, each optional; laid out by the form's own grid. */
export function SankalpaFields<T extends SankalpaValues>({
  form,
  at,
  asks,
  gotraError,
}: SankalpaFieldsProps<T>) {
  const { t } = useTranslation();
  // NOTE: react-hook-form cannot tell that every T holds these three fields, so the form is seen
  // through them alone; `T extends SankalpaValues` still checks each caller's form.
  const sankalpa = form as unknown as UseFormReturn<SankalpaValues>;
  const atCounter = at === 'counter';

  return (
    <>
      {(asks?.gotra ?? true) && (
        <TextInput
          label={t(`${at}.gotra`)}
          autoComplete={atCounter ? 'off' : undefined}
          error={gotraError}
          {...sankalpa.register('gotra')}
        />
      )}
      {lists
        .filter(({ name }) => asks?.[name] ?? true)
        .map(({ name, data }) => (
          <Controller
            key={name}
            control={sankalpa.control}
            name={name}
            render={({ field }) => {
              const list = {
                label: t(`${at}.${name}`),
                data,
                clearable: true,
                value: field.value,
                onChange: field.onChange,
              };
              return atCounter ? <CounterSelect {...list} /> : <Select {...list} searchable />;
            }}
          />
        ))}
    </>
  );
}
