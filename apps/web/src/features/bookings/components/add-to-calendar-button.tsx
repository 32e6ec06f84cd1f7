import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { bookingIcsUrl } from '../api/get-booking.ts';

/** Downloads the booking's calendar file, opened by the same token as its manage link. */
export function AddToCalendarButton({ reference, token }: { reference: string; token: string }) {
  const { t } = useTranslation();
  return (
    <Button
      component="a"
      href={bookingIcsUrl(reference, token)}
      download={`${reference}.ics`}
      size="lg"
      variant="outline"
      fullWidth
    >
      {t('confirmation.addToCalendar')}
    </Button>
  );
}
