/** The devotee site talks to the API through the shared client, with no token of its own. */
export {
  API_BASE,
  ApiError,
  NetworkError,
  apiRequest,
  readProblem,
  type RequestOptions,
} from '@sevabook/ui';
