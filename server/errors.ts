// Every error leaves the API as JSON `{error, message, problems?}`: a stable code and a sentence
// that never carries a stack trace, a request body or a secret.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ApiErrorBody, Problem } from '../src/shared/schemas/api';

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly problems?: readonly Problem[],
    /** Fields of the body beyond the code and sentence (`existing`, `latestRevision`, ...). */
    readonly extra?: Omit<ApiErrorBody, 'error' | 'message' | 'problems'>,
  ) {
    super(message);
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { error: this.code, message: this.message };
    if (this.problems) body.problems = [...this.problems];
    if (this.extra) Object.assign(body, this.extra);
    return body;
  }
}

const fastifyCodes: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is larger than allowed'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'unsupported_media_type',
    'Send the manifest as application/json or application/yaml',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [
    400,
    'bad_request',
    'Content-Length does not match the body',
  ],
  FST_ERR_CTP_EMPTY_JSON_BODY: [415, 'unsupported_media_type', 'The request body is empty'],
  FST_ERR_CTP_INVALID_TYPE: [415, 'unsupported_media_type', 'The Content-Type is not valid'],
  FST_ERR_BAD_URL: [400, 'bad_request', 'The URL is not valid'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'bad_request', 'The request is not valid'],
};

/** Maps any thrown error to a status and a safe body. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const fe = err as Partial<FastifyError> | undefined;
  const known = fe?.code ? fastifyCodes[fe.code] : undefined;
  if (known) return new ApiError(known[0], known[1], known[2]);
  const status = typeof fe?.statusCode === 'number' ? fe.statusCode : 500;
  if (status === 429) {
    return new ApiError(429, 'rate_limited', 'Too many requests; retry after a minute');
  }
  if (status >= 400 && status < 500) {
    return new ApiError(status, 'bad_request', 'The request is not valid');
  }
  return new ApiError(500, 'internal', 'Internal error; the server log has the details');
}

/** Installs the JSON error handler: 5xx are logged (message and stack only), never detailed to clients. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, req, reply) => {
    const api = toApiError(err);
    if (api.statusCode >= 500) {
      req.log.error(
        { errName: (err as Error)?.name, stack: (err as Error)?.stack },
        'handler failed',
      );
    }
    return reply.code(api.statusCode).type('application/json').send(api.toBody());
  });
}
