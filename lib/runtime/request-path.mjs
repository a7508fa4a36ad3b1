// Checks on a request's path made by the server entry point (scripts/server.mjs) before Next sees
// the request. Plain JavaScript for the same reason as client-address.mjs.

/**
 * Whether the path part of a request target (`/a/b%20c?x=1`) has a percent escape that does not
 * decode to UTF-8 (`%E0%A4%A`, `%zz`). Next answers such a path with a bare 500, so the server
 * refuses it first as the bad request it is. The query string is left to the app: it tolerates
 * malformed escapes there.
 */
export function hasMalformedPathEscape(target) {
  const text = String(target ?? "");
  const end = text.search(/[?#]/);
  const pathname = end === -1 ? text : text.slice(0, end);
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
