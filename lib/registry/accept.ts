/**
 * Whether an `Accept` header admits a media type. No header, a wildcard, or the type itself (with
 * or without parameters) does.
 */
export function acceptsMediaType(accept: string | null, mediaType: string): boolean {
  if (!accept || accept.trim() === "") return true;
  const [family] = mediaType.split("/");
  return accept
    .split(",")
    .map((part) => part.split(";")[0]!.trim().toLowerCase())
    .some((type) => type === "*/*" || type === mediaType || type === `${family}/*`);
}
