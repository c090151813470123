// The list view's state as the URL query writes it: parsing and asserting it.

import assert from 'node:assert/strict';

import { BASE_URL } from './served-site.mjs';

/**
 * Parses the query of `url` the way the contract writes it:
 * ?tags=a,b&categories=c&mode=and|or — comma separated, each value percent-encoded.
 * Returns { tags: [...], categories: [...], mode, keys: [...], raw }.
 */
export function parseQuery(url) {
  const { search } = new URL(url);
  const out = { tags: [], categories: [], mode: null, keys: [], raw: search };
  if (search.length <= 1) return out;
  for (const part of search.slice(1).split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    out.keys.push(key);
    if (key === 'tags' || key === 'categories') {
      out[key] = value === '' ? [] : value.split(',').map((v) => decodeURIComponent(v));
    } else if (key === 'mode') {
      out.mode = value;
    }
  }
  return out;
}

/** Asserts the page URL encodes exactly `selected` ("kind:value"...) and `mode`. */
export function assertUrlState(url, selected, mode) {
  const q = parseQuery(url);
  const u = new URL(url);
  assert.equal(`${u.origin}${u.pathname}`, BASE_URL, 'filters stay on the list page');
  for (const key of q.keys) assert.ok(['tags', 'categories', 'mode'].includes(key), `unexpected query key "${key}" in ${q.raw}`);
  assert.equal(new Set(q.keys).size, q.keys.length, `query keys repeated in ${q.raw}`);
  const want = (kind) => selected.filter((f) => f.startsWith(`${kind}:`)).map((f) => f.slice(kind.length + 1)).sort();
  assert.deepEqual([...q.tags].sort(), want('tag'), `tags in the URL query ${q.raw}`);
  assert.deepEqual([...q.categories].sort(), want('category'), `categories in the URL query ${q.raw}`);
  if (selected.length > 0) assert.equal(q.mode, mode, `mode in the URL query ${q.raw}`);
  // Each value is percent-encoded: nothing but URL-safe ASCII in the raw query.
  assert.match(q.raw, /^[A-Za-z0-9\-._~%=&,?]*$/, `query must be percent-encoded: ${q.raw}`);
}
