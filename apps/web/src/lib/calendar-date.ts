export { addDays, todayIn } from '@sevabook/ui';
