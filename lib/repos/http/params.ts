/**
 * A dynamic route segment as text. Next hands some segments over still percent-encoded (non-ASCII
 * names), others decoded; decoding what is left is safe for repository, owner and revision names,
 * which never contain '%'.
 */
export function segmentText(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A catch-all segment (`[...path]`) as a repository path. */
export function pathText(segments: string[] | undefined): string {
  return (segments ?? []).map(segmentText).join("/");
}
