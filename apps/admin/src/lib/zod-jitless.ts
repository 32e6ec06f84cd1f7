import { config } from 'zod';

/**
 * zod compiles fast object parsers with `new Function` where it can, and finds out whether it
 * can when each object schema is built, by trying. The site's CSP (script-src 'self', no
 * 'unsafe-eval') forbids it, so merely trying reports a CSP violation on every page load. The
 * interpreted parsers are plenty for a form. NOTE: this must run before any schema is built,
 * so main.tsx imports this module first of all.
 */
config({ jitless: true });
