import { SetMetadata, createParamDecorator, ExecutionContext, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Permission, Principal } from '@pl/application';

export const PUBLIC_ROUTE = 'pl:public';
export const REQUIRED_PERMISSION = 'pl:permission';

/** A route that answers without a token (health, the API document). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The permission a route needs; the area is checked against the target inside the route. */
export const Requires = (permission: Permission) =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'no valid bearer token' }),
    ApiForbiddenResponse({ description: `the role lacks ${permission}, or the target is outside the caller's area` }),
  );

/** The authenticated caller, as the guard established it. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<{ principal?: Principal }>();
  if (!request.principal) throw new Error('route without @Requires reads the caller');
  return request.principal;
});
