export { sevabookTheme, sevabookCssVariablesResolver, fontStack } from './theme.ts';
export { preloadKannadaFont } from './fonts/preload-kannada.ts';
export { saffron, maroon, leaf, cream, ink, textPairs } from './palette.ts';
export {
  API_BASE,
  ApiError,
  NetworkError,
  apiRequest,
  readProblem,
  readResponse,
  sendRequest,
  type RequestOptions,
} from './http/api-client.ts';
export {
  bookingProblemCodes,
  fieldErrors,
  problemKey,
  problemKind,
  type ProblemKind,
} from './http/problem-kind.ts';
export { createQueryClient } from './http/query-client.ts';
export { addDays, dateToUtcMidnight, daysFrom, isIsoDate, todayIn } from './dates/calendar-date.ts';
export {
  formatCalendarDate,
  formatCalendarMonth,
  formatMinutes,
  formatRupees,
  formatWallTime,
  formatZonedInstant,
  type DateStyle,
} from './dates/temple-format.ts';
export { ErrorAlert } from './feedback/error-alert.tsx';
export { QueryState, type ErrorViewProps, type QueryStateProps } from './feedback/query-state.tsx';
export { useEventStream, type StreamHandlers, type StreamState } from './live/use-event-stream.ts';
export { parseAvailabilityEvent } from './live/availability-event.ts';
export {
  FALLBACK_TIME_ZONE,
  getTemple,
  templeQueryOptions,
  useTemple,
  type TempleAsking,
} from './temple/get-temple.ts';
