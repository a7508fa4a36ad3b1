/**
 * Parses `/v2/…` paths. Repository names contain slashes, so the endpoint is recognised from the
 * right-hand end (`…/manifests/<ref>`, `…/blobs/uploads/<id>`, …) and everything before it is the
 * name; the name itself is validated by the handler.
 */
export type RegistryPath =
  | { kind: "base" }
  | { kind: "catalog" }
  | { kind: "token" }
  | { kind: "tags"; name: string }
  | { kind: "manifest"; name: string; reference: string }
  | { kind: "blob"; name: string; digest: string }
  | { kind: "upload-start"; name: string }
  | { kind: "upload"; name: string; uploadId: string }
  | { kind: "referrers"; name: string; digest: string };

export type RegistryAction = "pull" | "push" | "delete";

function decodeSegments(pathname: string): string[] | null {
  try {
    return pathname.split("/").map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

export function parseRegistryPath(pathname: string): RegistryPath | null {
  const all = decodeSegments(pathname);
  if (!all || all[0] !== "" || all[1] !== "v2") return null;
  const segments = all.slice(2);
  // `/v2/<name>/blobs/uploads/` keeps an empty last segment; it means the same as without it.
  if (segments.length > 0 && segments.at(-1) === "") segments.pop();
  if (segments.length === 0) return { kind: "base" };
  if (segments.length === 1 && segments[0] === "_catalog") return { kind: "catalog" };
  if (segments.length === 1 && segments[0] === "token") return { kind: "token" };

  const n = segments.length;
  const last = segments[n - 1]!;
  const nameBefore = (count: number) => segments.slice(0, n - count).join("/");
  const at = (fromEnd: number) => segments[n - fromEnd];
  if (n >= 3 && at(2) === "blobs" && last === "uploads")
    return { kind: "upload-start", name: nameBefore(2) };
  if (n >= 3 && at(2) === "blobs" && last.includes(":"))
    return { kind: "blob", name: nameBefore(2), digest: last };
  if (n >= 4 && at(3) === "blobs" && at(2) === "uploads") {
    return { kind: "upload", name: nameBefore(3), uploadId: last };
  }
  if (n >= 3 && at(2) === "manifests")
    return { kind: "manifest", name: nameBefore(2), reference: last };
  if (n >= 3 && at(2) === "referrers")
    return { kind: "referrers", name: nameBefore(2), digest: last };
  if (n >= 3 && at(2) === "tags" && last === "list") return { kind: "tags", name: nameBefore(2) };
  return null;
}

/** The repository and actions a request needs, for the scope of a 401 challenge. */
export function scopeForRequest(method: string, path: RegistryPath | null): string | null {
  if (!path) return null;
  if (path.kind === "catalog") return "registry:catalog:*";
  if (!("name" in path) || !path.name) return null;
  const actions =
    method === "GET" || method === "HEAD" ? "pull" : method === "DELETE" ? "delete" : "pull,push";
  return `repository:${path.name}:${actions}`;
}
