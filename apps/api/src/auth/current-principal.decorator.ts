import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { commonError, type Principal } from '@lms/core';

/** The signed-in caller, as the global guard authenticated it. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<{ principal?: Principal }>().principal;
  if (!principal) throw commonError('UNAUTHENTICATED');
  return principal;
});
