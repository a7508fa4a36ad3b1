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

/** Web types a static Space's files are served with (inside the sandbox below, never bare). */
const staticAppTypes: Record<string, string> = {
  html: "text/html; charset=utf-8",
  htm: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  svg: "image/svg+xml",
  wasm: "application/wasm",
  woff: "font/woff",
  woff2: "font/woff2",
};

export function staticAppContentType(path: string, looksBinary: boolean): string {
  const ext = path.toLowerCase().split(".").pop() ?? "";
  return staticAppTypes[ext] ?? repoFileContentType(path, looksBinary);
}

/**
 * A static Space runs its own HTML and scripts, so its pages are sandboxed into an opaque origin
 * (no `allow-same-origin`): they cannot read this site's cookies or storage, and their requests to
 * the site go out as cross-site, without the session. They may load their own files and inline code.
 */
export const staticAppHeaders = {
  "Content-Security-Policy":
    "sandbox allow-scripts allow-forms allow-popups allow-modals allow-downloads; default-src 'self' data: blob: 'unsafe-inline' 'unsafe-eval'; frame-ancestors 'self'",
  "X-Content-Type-Options": "nosniff",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Referrer-Policy": "no-referrer",
} as const;
