// Where the built site under test is served, and the screen sizes the tests use.

function readBaseUrl() {
  const raw = process.env.GEUL_BASE_URL;
  if (!raw) {
    throw new Error(
      'GEUL_BASE_URL is not set. The end-to-end tests need the built site served under its base path: '
        + 'run them with `cargo xtask test`, which builds the app, serves it and sets GEUL_BASE_URL. '
        + 'By hand: `cargo xtask build --public-url /geul/`, `cargo xtask preview --base /geul/ --port 4321 &`, '
        + 'then `GEUL_BASE_URL=http://127.0.0.1:4321/geul/ node --test --test-concurrency=1 tests/e2e/`.',
    );
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`GEUL_BASE_URL is not an absolute URL: ${JSON.stringify(raw)}`);
  }
  if (!url.pathname.endsWith('/') || url.search || url.hash) {
    throw new Error(`GEUL_BASE_URL must be a base path ending with "/" (no query or fragment): ${raw}`);
  }
  return url.href;
}

/** e.g. "http://127.0.0.1:4321/geul/" (always ends with "/"). */
export const BASE_URL = readBaseUrl();

/** Absolute URL of `path` (relative to the base: "", "?tags=x", "posts/slug/"). */
export const appUrl = (path = '') => new URL(path, BASE_URL).href;

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };
