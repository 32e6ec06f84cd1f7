export { addDays, dateToUtcMidnight, isIsoDate, todayIn } from '@sevabook/ui';
