/**
 * The zod the CLI validates with at run time: zod/mini (about 9 KB gzipped, against 28 KB for the
 * classic API, and less to parse on every start) with zod's English messages, which mini leaves to
 * the caller. The same issues and messages as the classic API; the library's own schemas
 * (library/schema.ts) run at build time only and keep the classic API.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export { z };
