/**
 * The Content-Type to serve a repository file with. Anything a browser could run as a page on our
 * origin (HTML, SVG, XML, JavaScript) is served as plain text: repository files are user content,
 * and serving them active would be stored cross-site scripting.
 */
const safeTypes: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  bmp: "image/bmp",
  ico: "image/x-icon",
  pdf: "application/pdf",
  mp3: "audio/mpeg",
  wav: "audio/wav",
  ogg: "audio/ogg",
  mp4: "video/mp4",
  webm: "video/webm",
  json: "application/json; charset=utf-8",
  md: "text/plain; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  csv: "text/csv; charset=utf-8",
};

export function repoFileContentType(path: string, looksBinary: boolean): string {
  const ext = path.toLowerCase().split(".").pop() ?? "";
  return safeTypes[ext] ?? (looksBinary ? "application/octet-stream" : "text/plain; charset=utf-8");
}

/** Headers that keep any served user file inert even if a browser renders it. */
export const userContentHeaders = {
  "Content-Security-Policy":
    "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox",
  "Cross-Origin-Resource-Policy": "same-site",
} as const;
