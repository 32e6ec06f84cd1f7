import type { ProblemCode } from '@sevabook/shared';

export interface FieldError {
  path: string;
  message: string;
}

/**
 * A failure the client can act on. Thrown by services, turned into problem+json by the one
 * error handler (plugins/problem-errors.ts). `code` is the stable contract; `detail` is for
 * people and may change.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? title);
    this.name = 'AppError';
  }
}

export const notFound = (detail: string) => new AppError(404, 'not_found', 'Not found', detail);

export const validationFailed = (errors: FieldError[], detail = 'Some fields need attention.') =>
  new AppError(422, 'validation_failed', 'Validation failed', detail, errors);

export const conflict = (code: ProblemCode, title: string, detail: string) =>
  new AppError(409, code, title, detail);

export const unprocessable = (code: ProblemCode, title: string, detail: string) =>
  new AppError(422, code, title, detail);
