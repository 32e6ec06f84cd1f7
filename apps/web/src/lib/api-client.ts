/** The devotee site talks to the API through the shared client, with no token of its own. */
export { ApiError, NetworkError, apiRequest } from '@sevabook/ui';
