import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import type { CommandContext, Principal } from '@pl/application';
import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/** Set on the request by the idempotency interceptor when an Idempotency-Key came with it. */
export interface IdempotentRequest {
  readonly commandId: string;
  readonly requestHash: string;
}

type ContextRequest = FastifyRequest & { principal?: Principal; idempotent?: IdempotentRequest };

const CORRELATION = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds a command's context at the edge: the caller, the ids, and the clock's reading. */
export function commandContextOf(request: ContextRequest, now: Date = new Date()): CommandContext {
  const principal = request.principal;
  if (!principal) throw new Error('a command route must be guarded: no principal on the request');
  const commandId = request.idempotent?.commandId ?? randomUUID();
  const header = request.headers['x-correlation-id'];
  const correlationId = typeof header === 'string' && CORRELATION.test(header) ? header : commandId;
  return {
    actor: { id: principal.subject, role: principal.role, ...(principal.areas.length ? { unit: principal.areas.join(',') } : {}) },
    commandId,
    correlationId,
    causationId: commandId,
    recordedAt: now.toISOString(),
    idempotent: request.idempotent !== undefined,
    ...(request.idempotent ? { requestHash: request.idempotent.requestHash } : {}),
  };
}

/** The command context of this request. */
export const Ctx = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext =>
  commandContextOf(ctx.switchToHttp().getRequest<ContextRequest>()));
