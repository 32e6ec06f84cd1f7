import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Problem, ProblemCode } from '@sevabook/shared';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem-errors.ts';

interface ClientProblem {
  status: number;
  code: ProblemCode;
  title: string;
  detail: string;
}

const requestTimeout: ClientProblem = {
  status: 408,
  code: 'request_timeout',
  title: 'Request timeout',
  detail: 'The request did not arrive in time; send it again in one go.',
};
const headersTooLarge: ClientProblem = {
  status: 431,
  code: 'validation_failed',
  title: 'Request headers too large',
  detail: 'The request headers are larger than this API accepts.',
};
const badRequest: ClientProblem = {
  status: 400,
  code: 'validation_failed',
  title: 'Bad request',
  detail: 'The request is not valid HTTP.',
};

/**
 * Errors Node finds before any route sees the request: headers or a body that did not arrive
 * within REQUEST_TIMEOUT_MS, headers too large, bytes that are not HTTP. There is no reply
 * object yet, so the answer is written to the socket directly (as Fastify's own handler does),
 * but as problem+json with a stable code, like every other error of this API.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? requestTimeout
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? headersTooLarge
        : badRequest;
  const body: Problem = { type: problemType(problem.code), ...problem };
  const text = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(text)}\r\n` +
        'Connection: close\r\n\r\n' +
        text,
    );
  }
  socket.destroy();
}
