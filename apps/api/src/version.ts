import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '@lms/core';

/** The version in the root package.json, read once. */
export const APP_VERSION: string = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
