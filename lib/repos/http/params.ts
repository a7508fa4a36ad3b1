/**
 * A page's dynamic segment as text: Next hands page params over still percent-encoded (route
 * handlers get them decoded, so they must not use this). A malformed escape is kept as it is.
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
