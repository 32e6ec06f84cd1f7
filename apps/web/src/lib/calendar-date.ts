export { addDays, dateToUtcMidnight, daysFrom, todayIn } from '@sevabook/ui';
