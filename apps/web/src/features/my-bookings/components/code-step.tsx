import {
  SIGN_IN_CODE_LENGTH,
  formatPhoneInternational,
  type DevoteeSession,
} from '@sevabook/shared';
import { Alert, Button, Input, PinInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../../lib/use-ui-language.ts';
import { useRequestSignInCode } from '../api/request-sign-in-code.ts';
import { useStartSession } from '../api/start-session.ts';
import { needsNewCode, signInSentence } from '../sign-in-sentence.ts';

/** Seconds left until `until`, ticking each second; 0 once it has passed. */
function useSecondsLeft(until: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/**
 * The 6-digit code: six boxes that take the digits one by one or the whole code pasted (or
 * offered by the phone's keyboard from the WhatsApp message), a numeric keypad on phones, and
 * the code checked as soon as the sixth digit is in. Another code can be asked for after a
 * short wait.
 */
export function CodeStep({
  phone,
  resendAfterSeconds,
  onSession,
  onChangeNumber,
}: {
  phone: string;
  resendAfterSeconds: number;
  onSession: (session: DevoteeSession) => void;
  onChangeNumber: () => void;
}) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const labelId = useId();
  const check = useStartSession();
  const resend = useRequestSignInCode();
  const [code, setCode] = useState('');
  const [incomplete, setIncomplete] = useState(false);
  const [resendAt, setResendAt] = useState(() => Date.now() + resendAfterSeconds * 1000);
  const secondsLeft = useSecondsLeft(resendAt);
  const boxes = useRef<HTMLDivElement>(null);

  const submit = (value = code) => {
    if (value.length !== SIGN_IN_CODE_LENGTH) {
      setIncomplete(true);
      return;
    }
    setIncomplete(false);
    check.mutate(
      { phone, code: value },
      {
        onSuccess: (answer) => onSession(answer),
        // Empty boxes for the next try: typing over a wrong code would make mixed codes, each
        // checked (and counted) as the sixth box fills.
        onError: () => {
          setCode('');
          boxes.current?.querySelector('input')?.focus();
        },
      },
    );
  };

  const askAgain = () => {
    resend.mutate(
      { phone, language },
      {
        onSuccess: (sent) => {
          setResendAt(Date.now() + sent.resendAfterSeconds * 1000);
          setCode('');
          check.reset();
        },
      },
    );
  };

  const error = check.isError ? check.error : resend.isError ? resend.error : null;

  return (
    <form
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        submit();
      }}
      noValidate
    >
      <Stack gap="md">
        <Title order={2}>{t('myBookings.codeTitle')}</Title>
        <Text>{t('myBookings.codeSentTo', { number: formatPhoneInternational(phone) })}</Text>
        <Input.Wrapper
          id={labelId}
          label={t('myBookings.codeLabel')}
          description={t('myBookings.codeHint')}
          error={incomplete ? t('myBookings.errors.codeIncomplete') : undefined}
          size="lg"
        >
          <div ref={boxes}>
            <PinInput
              length={SIGN_IN_CODE_LENGTH}
              type="number"
              inputType="text"
              inputMode="numeric"
              oneTimeCode
              autoFocus
              size="lg"
              gap="xs"
              mt="xs"
              placeholder=""
              // Six boxes share the width, so at 200 % text on a 360 px phone each digit still
              // shows whole instead of the row running off the screen.
              styles={{
                root: { flexWrap: 'nowrap' },
                pinInput: { flex: '1 1 0', minWidth: 0, maxWidth: '3.5rem' },
                input: { width: '100%', paddingInline: 0 },
              }}
              value={code}
              onChange={(value) => {
                setCode(value);
                if (incomplete && value.length === SIGN_IN_CODE_LENGTH) setIncomplete(false);
              }}
              // A pasted or autofilled code is checked at once, as is a typed one at its sixth digit.
              onComplete={(value) => {
                if (!check.isPending) submit(value);
              }}
              error={incomplete || check.isError}
              ariaLabel={t('myBookings.codeLabel')}
              data-testid="sign-in-code"
            />
          </div>
        </Input.Wrapper>
        {error && (
          <Alert color="maroon" variant="light" role="alert">
            {signInSentence(error, t)}
          </Alert>
        )}
        {resend.isSuccess && !error && (
          <Alert color="leaf" variant="light" role="status">
            {t('myBookings.newCodeSent')}
          </Alert>
        )}
        {!needsNewCode(check.error) && (
          <Button type="submit" size="lg" fullWidth loading={check.isPending}>
            {check.isPending ? t('myBookings.verifying') : t('myBookings.verify')}
          </Button>
        )}
        {secondsLeft > 0 ? (
          <Text c="dimmed" aria-live="off">
            {t('myBookings.resendIn', { count: secondsLeft })}
          </Text>
        ) : (
          <Button
            variant={needsNewCode(check.error) ? 'filled' : 'outline'}
            size="lg"
            fullWidth
            loading={resend.isPending}
            onClick={askAgain}
          >
            {t('myBookings.resend')}
          </Button>
        )}
        <Button variant="subtle" size="lg" fullWidth onClick={onChangeNumber}>
          {t('myBookings.changeNumber')}
        </Button>
      </Stack>
    </form>
  );
}
