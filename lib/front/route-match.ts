/**
 * Next's App Router matching, for the front: given every app path of the build (pages and route
 * handlers, as in `.next/app-path-routes-manifest.json`), the one Next would pick for a URL path
 * and its params. Next sorts routes so that, segment by segment, a static name beats `[x]`, which
 * beats `[...x]`, which beats `[[...x]]`; the first route in that order that matches wins. A
 * depth-first walk trying children in that order finds the same route.
 */
type Params = Record<string, string | string[]>;

type Node = {
  /** The app path that ends here, if any. */
  route?: string;
  statics: Map<string, Node>;
  dynamic?: { name: string; node: Node };
  catchAll?: { name: string; route: string };
  optionalCatchAll?: { name: string; route: string };
};

export type AppPathMatch = { route: string; params: Params };

const newNode = (): Node => ({ statics: new Map() });

function insert(root: Node, route: string): void {
  const segments = route.split("/").filter(Boolean);
  let node = root;
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    const optional = /^\[\[\.\.\.(\w+)\]\]$/.exec(segment);
    const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
    const dynamic = /^\[(\w+)\]$/.exec(segment);
    if ((optional || catchAll) && !last) throw new Error(`A catch-all must end ${route}.`);
    if (optional) {
      node.optionalCatchAll = { name: optional[1]!, route };
      return;
    }
    if (catchAll) {
      node.catchAll = { name: catchAll[1]!, route };
      return;
    }
    if (dynamic) {
      node.dynamic ??= { name: dynamic[1]!, node: newNode() };
      node = node.dynamic.node;
    } else {
      let child = node.statics.get(segment);
      if (!child) node.statics.set(segment, (child = newNode()));
      node = child;
    }
  }
  node.route = route;
}

function walk(node: Node, segments: string[], params: Params): AppPathMatch | null {
  const [head, ...rest] = segments;
  if (head === undefined && node.route) return { route: node.route, params };
  if (head !== undefined) {
    const child = node.statics.get(head);
    const found = child && walk(child, rest, params);
    if (found) return found;
    if (node.dynamic) {
      const { name, node: next } = node.dynamic;
      const deeper = walk(next, rest, { ...params, [name]: decodeURIComponent(head) });
      if (deeper) return deeper;
    }
    if (node.catchAll) {
      const value = segments.map((s) => decodeURIComponent(s));
      return { route: node.catchAll.route, params: { ...params, [node.catchAll.name]: value } };
    }
  }
  if (node.optionalCatchAll) {
    const { name, route } = node.optionalCatchAll;
    // Matching nothing leaves the param out, as in Next.
    if (head === undefined) return { route, params };
    return { route, params: { ...params, [name]: segments.map((s) => decodeURIComponent(s)) } };
  }
  return null;
}

/** A matcher over the app paths of one build (`/v2/[[...path]]`, `/[section]/page`, …). */
export function appPathMatcher(
  routes: Iterable<string>,
): (pathname: string) => AppPathMatch | null {
  const root = newNode();
  for (const route of routes) insert(root, route);
  return (pathname) => walk(root, pathname.split("/").filter(Boolean), {});
}
