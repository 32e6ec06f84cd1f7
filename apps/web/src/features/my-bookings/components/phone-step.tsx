import { toE164, type SignInCodeSent } from '@sevabook/shared';
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState, type ComponentType, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import { useRequestSignInCode } from '../api/request-sign-in-code.ts';
import { signInSentence } from '../sign-in-sentence.ts';

/** The booking form's phone field, handed in by the page (features do not share components). */
export interface PhoneInputProps {
  value: string;
  error?: string;
  onChange: (event: { currentTarget: { value: string } }) => void;
  autoFocus?: boolean;
  name?: string;
}

export function PhoneStep({
  PhoneInput,
  initialPhone,
  notice,
  onSent,
}: {
  PhoneInput: ComponentType<PhoneInputProps>;
  initialPhone: string;
  /** Why the devotee is back here (the session ended), said kindly above the field. */
  notice?: string | undefined;
  onSent: (phone: string, sent: SignInCodeSent) => void;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const request = useRequestSignInCode();
  const [phone, setPhone] = useState(initialPhone);
  const [fieldError, setFieldError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const e164 = toE164(phone);
    if (!e164) {
      setFieldError(t('form.errors.phone'));
      return;
    }
    setFieldError(undefined);
    request.mutate({ phone: e164, language }, { onSuccess: (sent) => onSent(e164, sent) });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {notice && (
          <Alert color="saffron" variant="light" radius="md" role="status">
            <Text>{notice}</Text>
          </Alert>
        )}
        <Text>{t('myBookings.intro')}</Text>
        <PhoneInput
          name="phone"
          value={phone}
          error={fieldError}
          autoFocus
          onChange={(event) => setPhone(event.currentTarget.value)}
        />
        {request.isError && (
          <Alert color="maroon" variant="light" role="alert">
            {signInSentence(request.error, t)}
          </Alert>
        )}
        <Button type="submit" size="lg" fullWidth loading={request.isPending}>
          {request.isPending ? t('myBookings.sending') : t('myBookings.sendCode')}
        </Button>
      </Stack>
    </form>
  );
}
