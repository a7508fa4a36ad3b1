// Client-safe: where a link or image in a repository's markdown points.

export type RepoUrlBase = {
  /** The repository's page, e.g. `/models/openmind/bert`. */
  repoPath: string;
  /** The revision the document was read at (a branch, tag or commit). */
  rev: string;
  /** The folder of the document inside the repository ("" for the root). */
  dir: string;
};

const scheme = /^[a-z][a-z0-9+.-]*:/i;

/** Encodes a repository path for a URL, keeping its '/' separators. */
export function encodeRepoPath(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

/** Joins a relative path onto a folder, resolving `.` and `..`; null when it climbs out of the repository. */
function joinRepoPath(dir: string, relative: string): string | null {
  const parts = relative.startsWith("/") ? [] : dir.split("/").filter(Boolean);
  for (const segment of relative.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(segment);
  }
  return parts.join("/");
}

/**
 * Resolves a URL found in a card: absolute http(s) and mailto URLs and in-page anchors stay as
 * they are; relative paths become this repository's files at the document's revision — images
 * load from `/resolve/` (the raw bytes), links open the file page (`/blob/`). Anything else
 * (`javascript:`, `data:`, other schemes, protocol-relative URLs) is dropped: null.
 */
export function resolveRepoUrl(
  url: string,
  base: RepoUrlBase,
  kind: "link" | "image",
): string | null {
  const value = url.trim();
  if (value === "") return null;
  if (value.startsWith("#")) return kind === "link" ? value : null;
  if (value.startsWith("//")) return null;
  if (scheme.test(value)) {
    const protocol = value.slice(0, value.indexOf(":")).toLowerCase();
    const allowed = kind === "image" ? ["http", "https"] : ["http", "https", "mailto"];
    return allowed.includes(protocol) ? value : null;
  }
  const [withoutHash, hash = ""] = value.split(/#(.*)/s, 2);
  const [pathPart, query = ""] = withoutHash!.split(/\?(.*)/s, 2);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart!);
  } catch {
    decoded = pathPart!;
  }
  const target = joinRepoPath(base.dir, decoded);
  if (target === null) return null;
  const mode = kind === "image" ? "resolve" : target === "" ? "tree" : "blob";
  const suffix = (query ? `?${query}` : "") + (hash ? `#${hash}` : "");
  return `${base.repoPath}/${mode}/${encodeURIComponent(base.rev)}${target ? `/${encodeRepoPath(target)}` : ""}${suffix}`;
}
