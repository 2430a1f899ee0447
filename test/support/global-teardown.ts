import { adminQuery } from './database';

export default async function globalTeardown(): Promise<void> {
  const template = process.env.LMS_TEST_TEMPLATE_DB;
  if (!template) return;
  delete process.env.LMS_TEST_TEMPLATE_DB;
  await adminQuery(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
}
