import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { commonError } from './common.errors';

function flatten(errors: ValidationError[], parent = ''): Array<{ field: string; problems: string[] }> {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/**
 * The global pipe: unknown fields are refused (not silently dropped), payloads are transformed to
 * their DTO classes, and failures become `VALIDATION_FAILED` with the fields named in `details`.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    exceptionFactory: (errors) => commonError('VALIDATION_FAILED', { fields: flatten(errors) }),
  });
}
