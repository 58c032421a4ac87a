import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessPolicy, CachedTokenVerifier, Permission, Principal, TOKEN_VERIFIER, TokenVerifier } from '@pl/application';
import { DomainError } from '@pl/domain';
import type { FastifyRequest } from 'fastify';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from './auth.decorators';

/**
 * Every route needs a valid bearer token and the permission its `@Requires` names, unless it
 * is `@Public`. A route with neither is refused: forgetting a decorator must not open a route.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Access');
  private readonly verifier: TokenVerifier;

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) verifier: TokenVerifier,
    @Inject(AccessPolicy) private readonly policy: AccessPolicy,
  ) {
    this.verifier = new CachedTokenVerifier(verifier);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const header = request.headers.authorization;
    const bearer = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : '';
    if (!bearer) {
      throw new DomainError('unauthenticated', 'TOKEN_MISSING', 'send a bearer token in the Authorization header (see README: npm run cli -- token)');
    }
    const principal = await this.verifier.verify(bearer);
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (!permission) throw new DomainError('forbidden', 'ROUTE_NOT_OPEN', 'this route declares no permission and is closed');
    try {
      this.policy.authorize(principal, permission);
    } catch (error) {
      this.logger.warn(`refused ${principal.role} ${principal.subject} on ${request.method} ${request.url}`);
      throw error;
    }
    request.principal = principal;
    return true;
  }
}
