/** The one error type of the product. `code` says what went wrong; the message is for logs only. */
export type ErrorCode =
  | 'config_invalid'
  | 'data_dir_locked'
  | 'store_unavailable'
  | 'migration_failed'
  | 'platform_error'
  | 'rate_limited'
  | 'bad_request'
  | 'not_found'
  /** Something with the same name already exists (a web account's login). */
  | 'conflict'
  | 'forbidden'
  | 'internal';

export class ForumError extends Error {
  readonly code: ErrorCode;
  override readonly cause?: unknown;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message);
    this.name = 'ForumError';
    this.code = code;
    this.cause = options?.cause;
  }
}

export function isForumError(value: unknown): value is ForumError {
  return value instanceof ForumError;
}
