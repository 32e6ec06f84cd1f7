import { TextInput, type TextInputProps } from '@mantine/core';

type TextFieldProps = Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string;
  onChange: (value: string) => void;
};

/**
 * A TextInput for the small forms that keep each field in component state: it hands over the
 * text itself, so the form can pass its setter straight in.
 */
export function TextField({ onChange, ...props }: TextFieldProps) {
  return <TextInput {...props} onChange={(e) => onChange(e.currentTarget.value)} />;
}
