import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError, ErrorKind } from '@pl/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  'rule-violated': 422,
  unavailable: 503,
};

/** The body of every error answer: a stable code to branch on and a message that says what to fix. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly details?: unknown;
}

/**
 * The one place errors become HTTP answers: domain errors by kind, framework errors by status,
 * anything else a logged 500 that leaks nothing.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const body = this.toBody(error, request);
    if (body.statusCode === 403) this.logger.warn(`forbidden ${request.method} ${request.url}: ${body.message}`);
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }

  private toBody(error: unknown, request: FastifyRequest): ErrorBody {
    if (error instanceof DomainError) {
      return { statusCode: STATUS[error.kind], code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
    }
    const fastifyError = error as { statusCode?: number; code?: string; message?: string };
    if (typeof fastifyError?.code === 'string' && fastifyError.code.startsWith('FST_')) {
      return fromFastify(fastifyError.statusCode ?? 400, fastifyError.code, fastifyError.message);
    }
    if (error instanceof HttpException) return this.fromHttpException(error);
    if (typeof fastifyError?.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      return fromFastify(fastifyError.statusCode, fastifyError.code, fastifyError.message);
    }
    this.logger.error(`unexpected error on ${request.method} ${request.url}`, error instanceof Error ? error.stack : String(error));
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'the server could not complete the request; it has been logged' };
  }

  private fromHttpException(error: HttpException): ErrorBody {
    const status = error.getStatus();
    const response = error.getResponse() as { message?: unknown; code?: string } | string;
    if (status === HttpStatus.NOT_FOUND) return { statusCode: 404, code: 'ROUTE_NOT_FOUND', message: 'no such route; see /api/docs' };
    if (status === HttpStatus.PAYLOAD_TOO_LARGE) return fromFastify(413, 'FST_ERR_CTP_BODY_TOO_LARGE', undefined);
    if (status === HttpStatus.TOO_MANY_REQUESTS) return { statusCode: 429, code: 'RATE_LIMITED', message: 'too many requests; slow down and retry later' };
    if (typeof response === 'object' && response.code) {
      return { statusCode: status, code: response.code, message: String(response.message), ...('details' in response ? { details: (response as { details: unknown }).details } : {}) };
    }
    const message = typeof response === 'string' ? response : Array.isArray(response.message) ? response.message.join('; ') : String(response.message ?? error.message);
    if (status === 400 && /not valid JSON|JSON at position|Unexpected (token|end of JSON)/i.test(message)) {
      return { statusCode: 400, code: 'MALFORMED_JSON', message: `the body is not valid JSON: ${message}` };
    }
    return { statusCode: status, code: status === 400 ? 'INVALID_REQUEST' : `HTTP_${status}`, message };
  }
}

function fromFastify(status: number, code: string | undefined, message: string | undefined): ErrorBody {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { statusCode: 413, code: 'BODY_TOO_LARGE', message: 'the request body is larger than the server accepts; send less data per request' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'send the body as application/json' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { statusCode: 400, code: 'MALFORMED_JSON', message: 'the body is not valid JSON; check quotes, commas and brackets' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { statusCode: 400, code: 'EMPTY_BODY', message: 'the JSON body is empty; send a JSON object' };
    default:
      if (status === 400 && /JSON/i.test(message ?? '')) return { statusCode: 400, code: 'MALFORMED_JSON', message: `the body is not valid JSON: ${message}` };
      return { statusCode: status, code: code ?? `HTTP_${status}`, message: message ?? 'bad request' };
  }
}
