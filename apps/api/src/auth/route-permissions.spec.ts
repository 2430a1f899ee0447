import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IS_PUBLIC_KEY, PERMISSION_KEY } from '@lms/core';
import { createApiApp } from '../app.factory';

interface RouteDeclaration {
  route: string;
  access: string;
}

/** Every route of the api with what it declares: `public` or the permission it requires. */
function declaredRoutes(app: NestFastifyApplication): RouteDeclaration[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const routes: RouteDeclaration[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const isPublic = reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [handler, controller]);
        const permission = reflector.getAllAndOverride<string>(PERMISSION_KEY, [handler, controller]);
        routes.push({
          route: `${method} /${[base, path].filter(Boolean).join('/')}`.replace(/\/+/g, '/'),
          access: isPublic ? 'public' : (permission ?? 'NONE'),
        });
      }
    }
  }
  return routes.sort((a, b) => a.route.localeCompare(b.route));
}

describe('deny by default: every route declares its access', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createApiApp({ preview: true });
  });

  afterAll(async () => {
    await app.close();
  });

  it('finds the routes', () => {
    expect(declaredRoutes(app).length).toBeGreaterThan(3);
  });

  it('has no route with neither @Public() nor a permission', () => {
    const undeclared = declaredRoutes(app).filter((r) => r.access === 'NONE');
    expect(undeclared).toEqual([]);
  });

  // A change here is a change of who may call what: review it like a permission change.
  it('matches the reviewed list of declarations', () => {
    expect(declaredRoutes(app)).toMatchSnapshot();
  });
});
