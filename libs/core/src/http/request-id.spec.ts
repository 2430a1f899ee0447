import type { IncomingMessage } from 'node:http';
import { requestIdOf } from './request-id';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('requestIdOf', () => {
  it('carries a plausible X-Request-Id through', () => {
    expect(requestIdOf(req({ 'x-request-id': 'lb-1234.abc' }))).toBe('lb-1234.abc');
  });

  it('replaces an implausible one with a UUID and remembers it', () => {
    const r = req({ 'x-request-id': '<script>alert(1)</script>' });
    const id = requestIdOf(r);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(r)).toBe(id);
  });
});
