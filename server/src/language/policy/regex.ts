/** Regular expressions of `matches`: RE2 (linear time), compiled once per pattern. */
import { RE2JS } from 're2js';

const cache = new Map<string, RE2JS | string>();

/** The compiled pattern, or the reason RE2 rejects it (backreferences, lookaround, bad syntax). */
export function compileRegex(pattern: string): RE2JS | string {
  let r = cache.get(pattern);
  if (r === undefined) {
    try {
      r = RE2JS.compile(pattern);
    } catch (e) {
      r = e instanceof Error ? e.message : String(e);
    }
    if (cache.size > 1000) cache.clear();
    cache.set(pattern, r);
  }
  return r;
}

/** Whether the pattern matches anywhere in the value (anchor with ^…$ for a whole match). */
export function regexMatches(pattern: string, value: string): boolean {
  const r = compileRegex(pattern);
  return typeof r === 'string' ? false : r.test(value);
}
