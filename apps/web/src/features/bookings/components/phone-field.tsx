import { formatPhoneInternational, toE164 } from '@sevabook/shared';
import { Text, TextInput } from '@mantine/core';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useTranslation } from 'react-i18next';

interface PhoneFieldProps extends Omit<ComponentPropsWithoutRef<'input'>, 'size'> {
  value: string;
  error?: string;
}

/**
 * The WhatsApp number. As the devotee types, the number we understood is shown back in full
 * (+91 98765 43210), so a missing digit is caught before they press the button.
 */
export const PhoneField = forwardRef<HTMLInputElement, PhoneFieldProps>(function PhoneField(
  { value, error, ...props },
  ref,
) {
  const { t } = useTranslation();
  const e164 = value ? toE164(value) : null;
  return (
    <div>
      <TextInput
        ref={ref}
        {...props}
        value={value}
        label={t('form.phone')}
        description={t('form.phoneHint')}
        error={error}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        size="lg"
        withAsterisk
      />
      <Text size="sm" c="leaf.8" fw={700} mt={4} aria-live="polite" mih="1.6em">
        {e164 && !error
          ? `✓ ${t('form.phoneWillSend', { number: formatPhoneInternational(e164) })}`
          : ''}
      </Text>
    </div>
  );
});
