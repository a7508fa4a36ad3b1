// Client-safe: how the file page shows a file, decided from its name (content checks come later).

const imageExtensions = new Set(["png", "jpg", "jpeg", "gif", "webp", "avif", "bmp", "ico"]);
const markdownExtensions = new Set(["md", "markdown"]);

/** highlight.js language names by extension or file name, for the common files of model repositories. */
const languages: Record<string, string> = {
  py: "python",
  pyi: "python",
  ipynb: "json",
  json: "json",
  jsonl: "json",
  yaml: "yaml",
  yml: "yaml",
  toml: "ini",
  ini: "ini",
  cfg: "ini",
  conf: "ini",
  sh: "bash",
  bash: "bash",
  zsh: "bash",
  js: "javascript",
  mjs: "javascript",
  cjs: "javascript",
  ts: "typescript",
  tsx: "typescript",
  jsx: "javascript",
  c: "c",
  h: "c",
  cc: "cpp",
  cpp: "cpp",
  hpp: "cpp",
  cu: "cpp",
  go: "go",
  rs: "rust",
  java: "java",
  kt: "kotlin",
  rb: "ruby",
  php: "php",
  lua: "lua",
  r: "r",
  sql: "sql",
  xml: "xml",
  html: "xml",
  svg: "xml",
  css: "css",
  scss: "scss",
  diff: "diff",
  patch: "diff",
  md: "markdown",
  markdown: "markdown",
  dockerfile: "dockerfile",
  makefile: "makefile",
  cmake: "cmake",
  csv: "plaintext",
  txt: "plaintext",
};

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  if (name === "dockerfile" || name === "makefile") return name;
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1) : "";
}

export function isImagePath(path: string): boolean {
  return imageExtensions.has(extensionOf(path));
}

export function isMarkdownPath(path: string): boolean {
  return markdownExtensions.has(extensionOf(path));
}

/** The highlight.js language for a path, or null for plain text. */
export function languageOf(path: string): string | null {
  const language = languages[extensionOf(path)];
  return language && language !== "plaintext" ? language : null;
}
