import { glossary } from '@sevabook/shared';

/**
 * English. The shape of this object is the contract for every other language: kn.ts is typed
 * against it, so a missing Kannada string is a type error, not a blank on a devotee's screen.
 * Plurals use i18next's `_one` / `_other` suffixes (Intl.PluralRules categories).
 */
export const en = {
  app: {
    siteName: 'Seva booking',
    skipToContent: 'Skip to main content',
    languageLabel: 'Language',
    footer: 'Questions? Please ask at the temple counter.',
    offline:
      'No internet connection. Please check your connection; the page will update when you are back online.',
    loading: 'Loading…',
    retry: 'Try again',
    back: 'Back',
    allSevas: 'All sevas',
  },
  home: {
    title: 'Book a seva',
    intro:
      'Choose a seva to see its open dates. Booking takes about a minute; each seva says whether its fee is paid online or at the temple counter.',
    empty:
      'No sevas are open for booking right now. Please look again later, or ask at the temple counter.',
    nextDates: 'Next open dates',
    noOpenDates: 'No open dates at the moment',
    choose: 'Choose a date',
  },
  seva: {
    closedDatesTitle: 'Dates the temple is closed',
    closedOn: '{{date}} — closed: {{reason}}',
    feePerPerson: '{{amount}} per person',
    free: 'Free',
    upToPersons_one: 'For {{count}} person per booking',
    upToPersons_other: 'Up to {{count}} persons per booking',
    feeLabel: 'Fee',
    durationLabel: 'Duration',
    personsLabel: 'Persons',
    chooseDate: 'Choose a date',
    chooseTime: 'Choose a time',
    timesOn: 'Times on {{date}}',
    dateHasPlaces_one: '{{count}} place',
    dateHasPlaces_other: '{{count}} places',
    dateFull: 'Full',
    dateClosed: 'Closed',
    placesLeft_one: '{{count}} place left',
    placesLeft_other: '{{count}} places left',
    full: 'Full',
    closed: 'Closed by the temple',
    cancelled: 'Cancelled by the temple',
    notOpenYet: 'Booking opens {{when}}',
    bookingClosed: 'Booking has closed',
    inactive: 'Not available',
    book: 'Book this time',
    bookTime: 'Book {{time}}',
    noSlotsInWindow:
      'No dates are open for this seva in the next {{count}} days. Please look again later, or ask at the temple counter.',
    noSlotsOnDate: 'No times on this day.',
    nextOpenDate: 'The next open date is {{date}}.',
    showMoreDates: 'Show more dates',
    live: 'Places update live',
    reconnecting: 'Reconnecting for live updates…',
    notFound: 'We could not find this seva. It may no longer be offered.',
  },
  form: {
    title: 'Book {{seva}}',
    yourDetails: 'Your details',
    chooseAnotherTime: 'Choose another time',
    name: 'Devotee’s name',
    nameHint: 'The name to be said in the sankalpa',
    phone: 'WhatsApp number',
    phoneHint:
      'The confirmation is sent here. +91 is added for you; for another country, start with +.',
    phoneWillSend: 'We will send it to {{number}}',
    persons: 'Number of persons',
    sankalpa: 'Sankalpa details',
    sankalpaHint: 'Used by the priest during the seva. Leave empty if you are not sure.',
    gotra: 'Gotra',
    nakshatra: 'Nakshatra',
    rashi: 'Rashi',
    notSure: 'Not sure / leave empty',
    email: 'Email (optional)',
    emailHint: 'Only if you also want the details by email.',
    submit: 'Confirm booking',
    submitting: 'Booking…',
    toPay: 'To pay at the counter: {{amount}}',
    toPayFor_one: 'To pay at the counter: {{amount}} for {{count}} person',
    toPayFor_other: 'To pay at the counter: {{amount}} for {{count}} persons',
    freeSeva: 'There is no fee for this seva.',
    noOnlinePayment: 'No online payment: you pay at the temple counter on the day.',
    slotSummary: '{{date}} at {{time}}',
    errors: {
      devoteeName: 'Please enter the devotee’s name (at least 2 letters).',
      devoteeNameLong: 'Please shorten the name to 120 letters or fewer.',
      devoteeNameCharacters:
        "Please write the name with letters, spaces and . ' - only, and a space after each dot (for example K. S. Rao).",
      phone: 'Please enter a valid WhatsApp number, for example 98765 43210.',
      persons_one: 'This time has room for {{count}} person only.',
      persons_other: 'Please choose between 1 and {{count}} persons.',
      email: 'Please enter a valid email address, or leave it empty.',
      gotra: 'Please keep the gotra to 80 letters or fewer.',
      gotraCharacters: "Please write the gotra with letters, spaces and . ' - only.",
      nakshatra: 'Please choose a nakshatra from the list, or leave it empty.',
      rashi: 'Please choose a rashi from the list, or leave it empty.',
      generic: 'Please check this detail.',
    },
  },
  confirmation: {
    title: 'Your seva is booked',
    reference: glossary.bookingNumber.en,
    arriveBy: glossary.arrive.en,
    bring: glossary.bring.en,
    showAtCounter: 'Show this at the counter',
    qrLabel: 'QR code of booking reference {{reference}}',
    whatsapp: 'A WhatsApp message with these details is on its way to {{phone}}.',
    payAtCounter: 'Please pay {{amount}} at the temple counter.',
    noFee: 'There is no fee for this seva.',
    addToCalendar: 'Add to calendar',
    manage: glossary.manage.en,
    keepLink: 'The link in your WhatsApp message lets you see or cancel this booking later.',
    bookAnother: 'Book another seva',
  },
  booking: {
    seva: glossary.seva.en,
    date: glossary.date.en,
    time: glossary.time.en,
    persons: glossary.persons.en,
    name: 'Name',
    phone: 'WhatsApp',
    gotra: 'Gotra',
    nakshatra: 'Nakshatra',
    rashi: 'Rashi',
    fee: glossary.feeAtCounter.en,
    status: 'Status',
    confirmed: 'Confirmed',
    cancelled: 'Cancelled',
  },
  manage: {
    title: 'Your booking',
    cancellableUntil: 'You can cancel online until {{when}}.',
    cancel: 'Cancel this booking',
    confirmTitle: 'Cancel this booking?',
    confirmText:
      '{{seva}} on {{date}} at {{time}} will be cancelled and the place given to other devotees. This cannot be undone.',
    confirmYes: 'Yes, cancel it',
    confirmNo: 'No, keep it',
    cancelling: 'Cancelling…',
    cancelledNow: 'Your booking is cancelled. A WhatsApp message will confirm it.',
    cancelledOn: 'This booking was cancelled on {{when}}.',
    tooLate:
      'Online cancellation closed on {{when}}. To change or cancel now, please speak to the temple counter.',
    missingToken: 'This link is incomplete. Please open the full link from your WhatsApp message.',
    notFound:
      'We could not find this booking. Please open the link from your WhatsApp message again; if it still does not work, please ask at the temple counter.',
    bookAgain: 'Book a seva',
  },
  problems: {
    slot_full: 'Sorry, the last places at this time were just taken by another devotee.',
    slot_full_offer: 'These times still have places:',
    slot_full_none: 'There are no other open times for this seva in the next two weeks.',
    slot_not_bookable: 'This time can no longer be booked. Please choose another time.',
    duplicate_booking:
      'This WhatsApp number already has a booking for this seva at this time. Please look for it in your WhatsApp messages.',
    booking_window_closed:
      'Online booking for this time has closed. Please choose a later time, or ask at the temple counter.',
    booking_not_open_yet:
      'Booking for this time has not opened yet. Please choose an earlier date, or come back later.',
    validation_failed: 'Some details need another look. Please check the fields marked below.',
    rate_limited: 'Too many tries in a short time. Please wait a minute and try again.',
    not_found: 'We could not find what you were looking for. It may have been removed.',
    cancellation_closed: 'It is too late to cancel online. Please speak to the temple counter.',
    already_cancelled: 'This booking is already cancelled.',
    persons_exceed_limit: 'That is more persons than this seva allows in one booking.',
    booking_limit_reached:
      'This WhatsApp number already has the most bookings of this seva allowed for one day. For more, please ask at the temple counter.',
    idempotency_key_reused:
      'Your details changed during the last try. Please press the button once more.',
    service_unavailable:
      'The booking service is not available for a moment. Please try again in a minute.',
    network: 'No connection. Please check your internet and try again.',
    generic:
      'Something went wrong on our side. Please try again; if it keeps happening, please ask at the temple counter.',
  },
  notFound: {
    title: 'Page not found',
    text: 'This page does not exist. Perhaps the link was cut short.',
  },
  privacy: {
    title: 'How we keep your details',
    what: 'We use the name, WhatsApp number, email and sankalpa details you give here only to hold your seva, send you its WhatsApp messages and say the sankalpa.',
    howLong:
      '{{days}} days after the seva they are removed; only the booking’s count and fee stay, for the temple’s accounts.',
    howLongUnknown:
      'Some months after the seva they are removed; only the booking’s count and fee stay, for the temple’s accounts.',
    erase: 'To have them erased sooner, ask at the temple office with this WhatsApp number.',
  },
  payment: {
    title: 'Pay for your seva',
    toPay: 'To pay now',
    fee: 'Fee',
    heldUntil: 'Your places are held for you. Pay by: {{time}}',
    timeLeft: 'Time left to pay',
    minutesLeft_one: '{{count}} minute left to pay',
    minutesLeft_other: '{{count}} minutes left to pay',
    lastMinute: 'Less than a minute left to pay',
    pay: 'Pay {{amount}} with UPI / card',
    payAgain: 'Try again: pay {{amount}}',
    opening: 'Opening the payment window…',
    verifying: 'Confirming your payment…',
    howItWorks:
      'A secure Razorpay window opens. Choose UPI (Google Pay, PhonePe, BHIM or any UPI app) or a card. The temple never sees your card details or UPI PIN.',
    upiBlock: 'Pay with UPI',
    bookAgain: 'Book again',
    problems: {
      dismissed:
        'The payment window was closed before paying. Nothing was charged. You can pay now, while your places are held.',
      failed:
        'The payment did not go through. If money left your account, your bank will return it. Please try again, or choose another UPI app or card.',
      unreachable:
        'The payment window could not be opened. Please check your internet connection and try again.',
      hold_expired:
        'The time to pay has run out, so the places were released for other devotees. Please book again.',
      paid_too_late:
        'Your payment arrived after the time to pay had run out, and the places had gone to other devotees. The full amount will be refunded; a WhatsApp message will confirm it.',
      not_confirmed:
        'We could not confirm this payment. If money left your account, it will be refunded. Please try again.',
      confirming_later:
        'Your payment is being confirmed. Please do not pay again: a WhatsApp message will confirm the booking within a few minutes.',
      unavailable:
        'Online payment is not available for this booking now. Please ask at the temple counter.',
    },
    statusPending: 'Awaiting payment',
    statusExpired: 'Not paid in time',
    payNow: 'Pay now',
    pendingText: 'This booking is complete only once it is paid. Pay by: {{time}}',
    expiredText:
      'This booking was not paid in time, so its places were released for other devotees. Please book again.',
    paidThanks: 'Paid: {{amount}}. Thank you for your offering.',
    receipt: {
      title: 'Receipt',
      heading: 'Receipt for a seva offering',
      number: 'Receipt number',
      paidOn: 'Paid on',
      amount: 'Amount paid',
      method: 'Paid by',
      devotee: 'Devotee',
      print: 'Print receipt',
      methods: {
        online: 'Online (UPI or card)',
        upi: 'UPI at the temple counter',
        card: 'Card at the temple counter',
        cash: 'Cash at the temple counter',
      },
    },
    refund: {
      title: 'Refund',
      pending:
        '{{amount}} is being refunded to the UPI account or card you paid with. Banks usually take 5 to 7 working days.',
      processed: '{{amount}} has been refunded to the UPI account or card you paid with.',
      failed:
        'The refund of {{amount}} could not be made automatically. The temple office will arrange it; please ask at the counter.',
      due_at_counter: '{{amount}} will be returned to you in cash at the temple counter.',
      refundedInCash: '{{amount}} was returned to you in cash at the temple counter.',
      none: 'Under the temple’s refund policy, no refund is due for this booking.',
    },
    policy: {
      fullUntil: 'Full refund if you cancel by: {{when}}. No refund after that.',
      noRefund: 'This seva’s fee is not refunded on cancellation.',
      onCancelOnline:
        'You will get a full refund of {{amount}}, to the UPI account or card you paid with.',
      onCancelCounter: 'You will get a full refund of {{amount}}, in cash at the temple counter.',
      onCancelNone_one:
        'The seva is now less than {{count}} hour away, so under the temple’s policy no refund is due.',
      onCancelNone_other:
        'The seva is now less than {{count}} hours away, so under the temple’s policy no refund is due.',
    },
    form: {
      toPayOnlineFor_one: 'To pay now, online: {{amount}} for {{count}} person',
      toPayOnlineFor_other: 'To pay now, online: {{amount}} for {{count}} persons',
      onlineNote:
        'You pay on the next page with UPI or a card. Your places are held for you while you pay.',
      submit: 'Continue to payment',
      howToPay: 'How would you like to pay?',
      online: 'Online now, with UPI or a card',
      counter: 'At the temple counter on the day',
    },
  },
  myBookings: {
    nav: 'My bookings',
    title: 'My bookings',
    intro:
      'Lost the WhatsApp message? Enter the WhatsApp number you booked with, and we will send a 6-digit code to it.',
    sendCode: 'Send me the code',
    sending: 'Sending…',
    codeTitle: 'Enter the code',
    codeSentTo: 'We sent a 6-digit code by WhatsApp to: {{number}}',
    codeLabel: '6-digit code',
    codeHint: 'The code works for 10 minutes. If you got more than one message, use the newest.',
    verify: 'See my bookings',
    verifying: 'Checking…',
    resendIn_one: 'You can ask for a new code in {{count}} second.',
    resendIn_other: 'You can ask for a new code in {{count}} seconds.',
    resend: 'Send a new code',
    newCodeSent: 'A new code is on its way. Please use the newest message.',
    changeNumber: 'Use another number',
    signedInAs: 'Bookings for WhatsApp number: {{number}}',
    upcoming: 'Upcoming',
    past: 'In the past year',
    noUpcoming: 'No upcoming bookings for this number.',
    noBookings:
      'We found no bookings for this number. If you booked with another WhatsApp number, please try that one.',
    calendarFailed: 'The calendar file could not be downloaded. Please try again.',
    signOut: 'Close my bookings',
    expired:
      'For your safety, My bookings closes after 15 minutes. Please ask for a new code to see your bookings again.',
    errors: {
      codeIncomplete: 'Please type all 6 digits of the code.',
      code_invalid:
        'That code is not right. Please check the newest WhatsApp message from the temple and type its 6 digits.',
      code_expired: 'This code has expired: codes work for 10 minutes. Please ask for a new one.',
      too_many_attempts: 'This code was typed wrongly too many times. Please ask for a new code.',
      rate_limited:
        'Several codes were asked for just now. Please wait 15 minutes, then try again.',
      service_unavailable:
        'WhatsApp could not take the message just now. Please try again in a minute.',
    },
  },
  waitlist: {
    fullJoin: 'Full — join the waiting list',
    join: 'Join the waiting list',
    joinTitle: 'Waiting list: {{seva}}',
    joinIntro:
      'This time is full. Join its waiting list: when places are freed, the first devotee in line whose persons fit is offered them by WhatsApp, with a link to accept.',
    personsHint: 'The places you need. You are offered places only when all of them fit.',
    phoneHint: 'The offer is sent to this WhatsApp number. +91 is added for you.',
    joinSubmit: 'Join the waiting list',
    joining: 'Joining…',
    bookInstead: 'Book this time',
    entryTitle: 'Your place on the waiting list',
    personsCount_one: '{{count}} person',
    personsCount_other: '{{count}} persons',
    position: 'You are number {{position}} in line',
    waitingNote:
      'When places are free for you, we send a WhatsApp message with a link to accept them. Keep this page’s link to see your place in line or to leave the list.',
    offeredTitle: 'Places are held for you',
    offeredNote:
      'Please accept them before {{until}}. After that they go to the next devotee waiting.',
    accept: 'Accept the places',
    decline: 'No thank you, give them to the next devotee',
    leave: 'Leave the waiting list',
    leaveConfirm: 'Leave the waiting list? You will lose your place in line.',
    stay: 'Stay on the list',
    booked: 'You accepted the places. Your booking is confirmed.',
    bookedReference: 'Booking reference: {{reference}}',
    expired:
      'This waiting list entry has ended: the places were not accepted in time, or the seva has begun.',
    removed: 'You are no longer on this waiting list.',
    otherDates: 'See other dates of this seva',
    errors: {
      places_available: 'Places are free at this time now. Please book it directly.',
      already_waiting: 'This WhatsApp number is already on the waiting list for this time.',
      offer_not_open:
        'This offer is no longer open: the time to accept it passed, and the places went to the next devotee waiting.',
      duplicate_booking: 'This WhatsApp number already has a booking for this time.',
      booking_limit_reached:
        'This WhatsApp number already has the most bookings and waiting places one number may hold for this seva on that day.',
      booking_window_closed: 'Booking for this time has closed, and so has its waiting list.',
      slot_not_bookable: 'This time is no longer open.',
      slot_full: 'These places are no longer free.',
      not_found:
        'We could not find this waiting list entry. Please open the link from the WhatsApp message again.',
      generic: 'Something went wrong. Please try again in a moment.',
    },
  },
  checkIn: {
    tooManyNoShows:
      'This WhatsApp number has missed several sevas it booked recently, so it cannot book online for now. You are most welcome to book at the temple counter.',
  },
};

/** Widens every string leaf, so another language must give the same keys with its own text. */
type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
export type Messages = Translation<typeof en>;
