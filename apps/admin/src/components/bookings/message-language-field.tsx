import { Select } from '@mantine/core';
import type { Language } from '@sevabook/shared';
import { Controller, type UseFormReturn } from 'react-hook-form';

const languageOptions: { value: Language; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'kn', label: 'ಕನ್ನಡ (Kannada)' },
  { value: 'hi', label: 'हिन्दी (Hindi)' },
  { value: 'te', label: 'తెలుగు (Telugu)' },
];

interface MessageLanguageFieldProps<T extends { language: Language }> {
  form: UseFormReturn<T>;
  label: string;
}

/** The language the devotee's messages are sent in; a booking always has one. */
export function MessageLanguageField<T extends { language: Language }>({
  form,
  label,
}: MessageLanguageFieldProps<T>) {
  // NOTE: react-hook-form cannot tell that every T holds `language`; see SankalpaFields.
  const { control } = form as unknown as UseFormReturn<{ language: Language }>;
  return (
    <Controller
      control={control}
      name="language"
      render={({ field }) => (
        <Select
          label={label}
          data={languageOptions}
          allowDeselect={false}
          value={field.value}
          onChange={(v) => v && field.onChange(v)}
        />
      )}
    />
  );
}
