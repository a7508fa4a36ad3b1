import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The runner is deployed on other machines and must not pull in server code: it may import
 * node built-ins and its own modules, the dependency-free shared modules in lib/runtime/, plus
 * `import type` from lib/jobs/protocol.ts.
 */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

describe("runner imports", () => {
  const root = path.join(import.meta.dirname);
  const files = sourceFiles(root);
  const runtimeRoot = path.resolve(root, "../lib/runtime");

  it("finds the runner's sources", () => {
    expect(files.map((f) => path.relative(root, f))).toContain("main.ts");
  });

  it.each(files.map((f) => [path.relative(root, f), f]))(
    "%s imports only node, runner modules and protocol types",
    (_name, file) => {
      const source = fs.readFileSync(file, "utf8");
      const imports = [
        ...source.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gm),
        // Side-effect and dynamic imports are never type-only.
        ...source.matchAll(/^\s*(import)\s+()"([^"]+)"/gm),
        ...source.matchAll(/\b(import)\(()\s*"([^"]+)"/g),
      ];
      for (const [statement, , typeOnly, specifier] of imports) {
        if (specifier!.startsWith("node:")) continue;
        const resolved = path.resolve(path.dirname(file), specifier!);
        if (resolved.startsWith(root + path.sep)) continue;
        if (resolved.startsWith(runtimeRoot + path.sep)) continue;
        expect
          .soft(typeOnly && resolved === path.resolve(root, "../lib/jobs/protocol"), statement)
          .toBe(true);
      }
    },
  );
});

describe("shared runtime modules", () => {
  const root = path.resolve(import.meta.dirname, "../lib/runtime");

  it.each(sourceFiles(root).map((f) => [path.relative(root, f), f]))(
    "%s imports nothing but node built-ins and its neighbours",
    (_name, file) => {
      const source = fs.readFileSync(file, "utf8");
      for (const [, specifier] of source.matchAll(/\bfrom\s+"([^"]+)"|\bimport\(\s*"([^"]+)"/g)) {
        if (!specifier || specifier.startsWith("node:")) continue;
        expect.soft(specifier, file).toMatch(/^\.\//);
      }
    },
  );
});
