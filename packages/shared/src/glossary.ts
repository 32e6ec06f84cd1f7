/**
 * One word per idea, in every language Sevabook writes: the site's labels and the WhatsApp
 * messages take their terms from here, so a devotee reads "ಬುಕಿಂಗ್ ಸಂಖ್ಯೆ" on the
 * confirmation page and in the message alike, and never "ಉಲ್ಲೇಖ ಸಂಖ್ಯೆ" in one of them.
 *
 * Terms are labels, written to stand before a colon and a value ("ದಿನಾಂಕ: …"), so that a name,
 * a date or a time never has to take a Kannada case ending it cannot take.
 */
export const glossary = {
  seva: { en: 'Seva', kn: 'ಸೇವೆ' },
  date: { en: 'Date', kn: 'ದಿನಾಂಕ' },
  time: { en: 'Time', kn: 'ಸಮಯ' },
  /** People a booking covers. Never "ಜನ", which a Kannada date also uses for January. */
  persons: { en: 'Persons', kn: 'ವ್ಯಕ್ತಿಗಳು' },
  bookingNumber: { en: 'Booking reference', kn: 'ಬುಕಿಂಗ್ ಸಂಖ್ಯೆ' },
  temple: { en: 'Temple', kn: 'ದೇವಸ್ಥಾನ' },
  address: { en: 'Address', kn: 'ವಿಳಾಸ' },
  map: { en: 'Map', kn: 'ನಕ್ಷೆ' },
  feeAtCounter: { en: 'Fee at the counter', kn: 'ಕೌಂಟರ್‌ನಲ್ಲಿ ಶುಲ್ಕ' },
  arrive: { en: 'Please arrive by', kn: 'ಬರಬೇಕಾದ ಸಮಯ' },
  bring: { en: 'Please bring or wear', kn: 'ತರಬೇಕಾದದ್ದು, ಧರಿಸಬೇಕಾದದ್ದು' },
  reason: { en: 'Reason', kn: 'ಕಾರಣ' },
  manage: { en: 'See or cancel this booking', kn: 'ಈ ಬುಕಿಂಗ್ ನೋಡಿ ಅಥವಾ ರದ್ದುಮಾಡಿ' },
  bookAnotherDate: { en: 'Book another date', kn: 'ಬೇರೆ ದಿನಾಂಕ ಬುಕ್ ಮಾಡಿ' },
  details: { en: 'Details', kn: 'ವಿವರಗಳು' },
  free: { en: 'Free', kn: 'ಉಚಿತ' },
  signInCode: { en: 'Code', kn: 'ಕೋಡ್' },
  validFor: { en: 'Valid for', kn: 'ಮಾನ್ಯತೆಯ ಅವಧಿ' },
  minutes: { en: 'minutes', kn: 'ನಿಮಿಷಗಳು' },
  /** Until when places offered from the waiting list are held. */
  heldUntil: { en: 'Held for you until', kn: 'ನಿಮಗಾಗಿ ಕಾಯ್ದಿರಿಸಿದ ಅವಧಿ' },
  acceptPlaces: { en: 'Accept the places', kn: 'ಸ್ಥಳಗಳನ್ನು ಸ್ವೀಕರಿಸಿ' },
  /** The money given back for a cancelled booking. */
  refund: { en: 'Refund', kn: 'ಮರುಪಾವತಿ' },
  /** The fee of a booking paid online, and its numbered receipt. */
  feePaid: { en: 'Fee paid', kn: 'ಪಾವತಿಸಿದ ಶುಲ್ಕ' },
  receiptNumber: { en: 'Receipt number', kn: 'ರಸೀದಿ ಸಂಖ್ಯೆ' },
} as const satisfies Record<string, { en: string; kn: string }>;

export type GlossaryTerm = keyof typeof glossary;
