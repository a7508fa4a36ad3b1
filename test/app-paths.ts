// The app paths of the source tree, as `next build` lists them in its app-path-routes manifest:
// every page and route handler, route groups left out, private `_folders` skipped.
import fs from "node:fs";
import path from "node:path";

const appDir = path.resolve(import.meta.dirname, "..", "app");

export type AppEntry = { appPath: string; kind: "page" | "route"; file: string };

export function appEntries(dir = appDir, segments: string[] = []): AppEntry[] {
  const entries: AppEntry[] = [];
  for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, item.name);
    if (item.isDirectory()) {
      if (item.name.startsWith("_")) continue;
      const group = /^\(.+\)$/.test(item.name);
      entries.push(...appEntries(file, group ? segments : [...segments, item.name]));
      continue;
    }
    const kind = /^page\.tsx?$/.test(item.name)
      ? "page"
      : /^route\.ts$/.test(item.name)
        ? "route"
        : null;
    if (kind) entries.push({ appPath: `/${segments.join("/")}`, kind, file });
  }
  return entries;
}
