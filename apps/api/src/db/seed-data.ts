import type { Prisma } from '../generated/prisma/client.ts';

/**
 * The demo temple a fresh install starts with: the sevas of a typical Mutt, so every screen has
 * something true-to-life to show. Fees are per person, in paise (₹1 = 100 paise).
 */

export interface DemoSchedule {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: string;
  /** Temple-local start times. */
  times: string;
  /** When set, overrides the seva's default capacity. */
  capacity?: number;
  /** For a seasonal seva: how many days, from the day of seeding, the schedule runs. */
  runsForDays?: number;
}

type DemoSeva = Omit<Prisma.SevaCreateInput, 'schedules' | 'slots' | 'closedDates'> & {
  schedules: DemoSchedule[];
};

const EVERY_DAY = '1,2,3,4,5,6,7';

export const demoSevas: DemoSeva[] = [
  {
    slug: 'archana',
    nameEn: 'Archana',
    nameKn: 'ಅರ್ಚನೆ',
    nameHi: 'अर्चना',
    nameTe: 'అర్చన',
    descriptionEn:
      'Worship offered in your name, with your gotra, nakshatra and rashi recited. Prasada is given afterwards.',
    descriptionKn: 'ನಿಮ್ಮ ಹೆಸರು, ಗೋತ್ರ, ನಕ್ಷತ್ರ ಮತ್ತು ರಾಶಿಯೊಂದಿಗೆ ದೇವರಿಗೆ ಅರ್ಚನೆ. ನಂತರ ಪ್ರಸಾದ ನೀಡಲಾಗುವುದು.',
    durationMinutes: 15,
    feePaise: 5_000,
    defaultCapacity: 50,
    maxPersonsPerBooking: 5,
    bookingOpensDaysAhead: 30,
    bookingClosesMinutesBefore: 30,
    arriveMinutesBefore: 15,
    bringNoteEn: 'Please come in traditional dress.',
    bringNoteKn: 'ದಯವಿಟ್ಟು ಸಾಂಪ್ರದಾಯಿಕ ಉಡುಪಿನಲ್ಲಿ ಬನ್ನಿ.',
    asksGotra: true,
    asksNakshatra: true,
    asksRashi: true,
    sortOrder: 10,
    schedules: [{ weekdays: EVERY_DAY, times: '07:00,08:30,11:00,18:30' }],
  },
  {
    slug: 'panchamrutha-abhisheka',
    nameEn: 'Panchamrutha Abhisheka',
    nameKn: 'ಪಂಚಾಮೃತ ಅಭಿಷೇಕ',
    nameHi: 'पंचामृत अभिषेक',
    nameTe: 'పంచామృత అభిషేకం',
    descriptionEn:
      'Sacred bath of the deity with the five nectars: milk, curd, ghee, honey and sugar.',
    descriptionKn: 'ಹಾಲು, ಮೊಸರು, ತುಪ್ಪ, ಜೇನುತುಪ್ಪ ಮತ್ತು ಸಕ್ಕರೆ ಎಂಬ ಪಂಚಾಮೃತಗಳಿಂದ ದೇವರಿಗೆ ಅಭಿಷೇಕ.',
    durationMinutes: 45,
    feePaise: 25_100,
    defaultCapacity: 20,
    maxPersonsPerBooking: 4,
    bookingOpensDaysAhead: 45,
    bookingClosesMinutesBefore: 120,
    arriveMinutesBefore: 30,
    bringNoteEn:
      'Traditional dress: dhoti for men, saree for women. Bring a plate of fruit and flowers if you wish.',
    bringNoteKn: 'ಸಾಂಪ್ರದಾಯಿಕ ಉಡುಪು: ಗಂಡಸರಿಗೆ ಪಂಚೆ, ಹೆಂಗಸರಿಗೆ ಸೀರೆ. ಇಚ್ಛೆಯಿದ್ದರೆ ಹಣ್ಣು ಮತ್ತು ಹೂವಿನ ತಟ್ಟೆ ತನ್ನಿ.',
    asksGotra: true,
    asksNakshatra: true,
    sortOrder: 20,
    schedules: [
      { weekdays: EVERY_DAY, times: '06:30' },
      // A second, smaller sitting at weekends, when families come from out of town.
      { weekdays: '6,7', times: '09:30', capacity: 10 },
    ],
  },
  {
    slug: 'kanakabhisheka',
    nameEn: 'Kanakabhisheka',
    nameKn: 'ಕನಕಾಭಿಷೇಕ',
    nameHi: 'कनकाभिषेक',
    nameTe: 'కనకాభిషేకం',
    descriptionEn:
      'Gold coins are poured over the deity on Thursdays (Guruvara) for the well-being of your family.',
    descriptionKn: 'ಕುಟುಂಬದ ಶ್ರೇಯಸ್ಸಿಗಾಗಿ ಗುರುವಾರದಂದು ದೇವರಿಗೆ ಚಿನ್ನದ ನಾಣ್ಯಗಳಿಂದ ಅಭಿಷೇಕ.',
    durationMinutes: 60,
    feePaise: 250_100,
    defaultCapacity: 5,
    maxPersonsPerBooking: 2,
    bookingOpensDaysAhead: 60,
    bookingClosesMinutesBefore: 720,
    arriveMinutesBefore: 45,
    bringNoteEn: 'Traditional dress: dhoti for men, saree for women.',
    bringNoteKn: 'ಸಾಂಪ್ರದಾಯಿಕ ಉಡುಪು: ಗಂಡಸರಿಗೆ ಪಂಚೆ, ಹೆಂಗಸರಿಗೆ ಸೀರೆ.',
    asksGotra: true,
    asksNakshatra: true,
    asksRashi: true,
    sortOrder: 30,
    schedules: [{ weekdays: '4', times: '10:00' }],
  },
  {
    slug: 'rathotsava',
    nameEn: 'Rathotsava',
    nameKn: 'ರಥೋತ್ಸವ',
    nameHi: 'रथोत्सव',
    nameTe: 'రథోత్సవం',
    descriptionEn:
      'Sponsor the evening chariot procession of the utsava murti around the Mutt. One family per procession.',
    descriptionKn: 'ಮಠದ ಸುತ್ತ ಉತ್ಸವ ಮೂರ್ತಿಯ ಸಂಜೆಯ ರಥೋತ್ಸವ. ಪ್ರತಿ ರಥೋತ್ಸವಕ್ಕೆ ಒಂದು ಕುಟುಂಬದ ಸೇವೆ ಮಾತ್ರ.',
    durationMinutes: 60,
    feePaise: 100_100,
    defaultCapacity: 1,
    maxPersonsPerBooking: 1,
    bookingOpensDaysAhead: 60,
    bookingClosesMinutesBefore: 720,
    asksGotra: true,
    sortOrder: 40,
    schedules: [{ weekdays: '4,7', times: '19:30' }],
  },
  {
    slug: 'annadana-seva',
    nameEn: 'Annadana Seva',
    nameKn: 'ಅನ್ನದಾನ ಸೇವೆ',
    nameHi: 'अन्नदान सेवा',
    nameTe: 'అన్నదాన సేవ',
    descriptionEn:
      'The midday prasada meal, free for every devotee. Book places for your family so the kitchen can plan.',
    descriptionKn: 'ಎಲ್ಲ ಭಕ್ತರಿಗೆ ಉಚಿತ ಮಧ್ಯಾಹ್ನದ ಅನ್ನಪ್ರಸಾದ. ಅಡುಗೆಮನೆಯ ಸಿದ್ಧತೆಗಾಗಿ ನಿಮ್ಮ ಕುಟುಂಬಕ್ಕೆ ಸ್ಥಳ ಕಾಯ್ದಿರಿಸಿ.',
    durationMinutes: 60,
    feePaise: 0,
    defaultCapacity: 200,
    maxPersonsPerBooking: 10,
    bookingOpensDaysAhead: 30,
    bookingClosesMinutesBefore: 180,
    sortOrder: 50,
    schedules: [{ weekdays: EVERY_DAY, times: '12:30' }],
  },
  {
    slug: 'sarva-seva',
    nameEn: 'Sarva Seva',
    nameKn: 'ಸರ್ವ ಸೇವೆ',
    nameHi: 'सर्व सेवा',
    nameTe: 'సర్వ సేవ',
    descriptionEn:
      "Every seva of the day performed in your family's name, from the morning abhisheka to the evening mangalarati.",
    descriptionKn: 'ಬೆಳಗಿನ ಅಭಿಷೇಕದಿಂದ ಸಂಜೆಯ ಮಂಗಳಾರತಿಯವರೆಗೆ ದಿನದ ಎಲ್ಲ ಸೇವೆಗಳು ನಿಮ್ಮ ಕುಟುಂಬದ ಹೆಸರಿನಲ್ಲಿ.',
    durationMinutes: 720,
    feePaise: 500_100,
    defaultCapacity: 3,
    maxPersonsPerBooking: 1,
    bookingOpensDaysAhead: 60,
    bookingClosesMinutesBefore: 720,
    asksGotra: true,
    asksNakshatra: true,
    asksRashi: true,
    sortOrder: 60,
    schedules: [{ weekdays: '1,3,5', times: '06:00' }],
  },
  {
    slug: 'tulabhara',
    nameEn: 'Tulabhara',
    nameKn: 'ತುಲಾಭಾರ',
    nameHi: 'तुलाभार',
    nameTe: 'తులాభారం',
    descriptionEn:
      "Jaggery, rice or fruit equal to the devotee's own weight, weighed on the Mutt's scales and offered.",
    descriptionKn: 'ಭಕ್ತರ ತೂಕಕ್ಕೆ ಸಮನಾದ ಬೆಲ್ಲ, ಅಕ್ಕಿ ಅಥವಾ ಹಣ್ಣುಗಳನ್ನು ಮಠದ ತಕ್ಕಡಿಯಲ್ಲಿ ತೂಗಿ ಸಮರ್ಪಿಸುವ ಸೇವೆ.',
    durationMinutes: 20,
    feePaise: 111_600,
    defaultCapacity: 8,
    maxPersonsPerBooking: 1,
    bookingOpensDaysAhead: 45,
    bookingClosesMinutesBefore: 240,
    arriveMinutesBefore: 30,
    bringNoteEn: 'Bring the offering to be weighed, or buy it at the counter.',
    bringNoteKn: 'ತುಲಾಭಾರಕ್ಕೆ ಅರ್ಪಣೆಯನ್ನು ತನ್ನಿ, ಅಥವಾ ಕೌಂಟರ್\u200cನಲ್ಲಿ ಕೊಳ್ಳಿ.',
    asksGotra: true,
    asksNakshatra: true,
    sortOrder: 70,
    // Paid online when booked, its place held meanwhile (at the counter where the temple has
    // no Razorpay keys); a full refund when cancelled two days ahead.
    paymentMode: 'online_required',
    refundFullHoursBefore: 48,
    schedules: [{ weekdays: '6,7', times: '10:30,16:00' }],
  },
  {
    slug: 'deepotsava',
    nameEn: 'Deepotsava',
    nameKn: 'ದೀಪೋತ್ಸವ',
    nameHi: 'दीपोत्सव',
    nameTe: 'దీపోత్సవం',
    descriptionEn:
      'Lighting of lamps around the Mutt every evening of the Karthika season. Free for all.',
    descriptionKn: 'ಕಾರ್ತಿಕ ಮಾಸದ ಪ್ರತಿ ಸಂಜೆ ಮಠದ ಸುತ್ತ ದೀಪಗಳನ್ನು ಬೆಳಗುವ ಸೇವೆ. ಎಲ್ಲರಿಗೂ ಉಚಿತ.',
    durationMinutes: 45,
    feePaise: 0,
    defaultCapacity: 100,
    maxPersonsPerBooking: 6,
    bookingOpensDaysAhead: 30,
    bookingClosesMinutesBefore: 60,
    arriveMinutesBefore: 15,
    sortOrder: 80,
    schedules: [{ weekdays: EVERY_DAY, times: '18:00', runsForDays: 30 }],
  },
];

/** A festival day, some weeks after seeding, on which the whole temple makes no slots. */
export const demoFestival = {
  daysFromToday: 12,
  reason: 'Aradhana Mahotsava: regular sevas are suspended / ಆರಾಧನಾ ಮಹೋತ್ಸವ: ನಿತ್ಯ ಸೇವೆಗಳು ಇರುವುದಿಲ್ಲ',
};
