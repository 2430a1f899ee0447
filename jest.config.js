// Three tiers, one runner. Unit tests sit beside the code (*.spec.ts) and use no services;
// integration and e2e tests live under test/ and run against real PostgreSQL, Redis and S3
// (see test/support/). Browser tests are Playwright's (test/browser/), not Jest's.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const moduleNameMapper = {
  '^@lms/core$': '<rootDir>/libs/core/src',
  '^@lms/core/(.*)$': '<rootDir>/libs/core/src/$1',
  '^@lms/storage$': '<rootDir>/libs/storage/src',
  '^@lms/jobs$': '<rootDir>/libs/jobs/src',
  '^@lms/identity$': '<rootDir>/libs/identity/src',
  '^@lms/org$': '<rootDir>/libs/org/src',
  '^@lms/roster$': '<rootDir>/libs/roster/src',
  '^@lms/media$': '<rootDir>/libs/media/src',
  '^@lms/learning$': '<rootDir>/libs/learning/src',
  // file-type's package exports offer only `import` and `module-sync` for ".", which Jest's resolver
  // does not use: point at the Node entry (compiled to CommonJS with the ESM packages below).
  '^file-type$': '<rootDir>/node_modules/file-type/index.js',
  '^@lms/competency$': '<rootDir>/libs/competency/src',
  '^@lms/courses$': '<rootDir>/libs/courses/src',
};

// NestJS 12 ships ES modules. Node 20.19+ loads them from CommonJS (require(esm)), but Jest's
// module runtime does not before Node 24.9, so Jest compiles those packages to CommonJS with swc.
const ESM_PACKAGES = ['@nestjs', '@fastify', 'content-disposition', 'cookie', 'send', 'mime', 'uuid', 'file-type', 'strtok3', 'token-types', 'uint8array-extras', '@tokenizer', '@borewit'];

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper,
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test/support'],
      testMatch: ['**/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/', '<rootDir>/dist/'],
    },
    {
      ...common,
      displayName: 'integration',
      roots: ['<rootDir>/test/integration'],
      testMatch: ['**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
