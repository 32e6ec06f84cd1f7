import { NumberInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PlacesFieldProps {
  /** The seva's own number, shown while the field is blank. */
  defaultCapacity: number;
  value: number | '';
  onChange: (places: number | '') => void;
}

/** Places for the slots a form makes; left blank, they take the seva's own number. */
export function PlacesField({ defaultCapacity, value, onChange }: PlacesFieldProps) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t('sevas.scheduleCapacity')}
      placeholder={String(defaultCapacity)}
      min={1}
      value={value}
      onChange={(v) => onChange(typeof v === 'number' ? v : '')}
    />
  );
}
