// Routing stays in one place: the front serves exactly the route files under the protocol
// prefixes, with their own handlers, and picks for a path the route Next would pick.
import { describe, expect, it } from "vitest";

import { appEntries } from "@/test/app-paths";

import { frontRoutes, isFrontPath, nodeBodyRoutes, routeMethods } from "./front-routes";
import { appPathMatcher } from "./route-match";

const entries = appEntries();
const routeFiles = entries.filter((entry) => entry.kind === "route");

describe("the front's route table", () => {
  it("names every protocol route file, as that file's own module with its methods", async () => {
    const protocolFiles = routeFiles.filter((entry) => isFrontPath(entry.appPath));
    expect(Object.keys(frontRoutes).sort()).toEqual(protocolFiles.map((e) => e.appPath).sort());
    for (const entry of protocolFiles) {
      const fileModule = (await import(entry.file)) as Record<string, unknown>;
      const served = frontRoutes[entry.appPath]!;
      expect(routeMethods(served), entry.appPath).toEqual(routeMethods(fileModule));
      for (const method of routeMethods(fileModule)) {
        expect(served[method], `${method} ${entry.appPath}`).toBe(fileModule[method]);
      }
    }
  });

  it("serves no page and nothing outside the protocol prefixes", () => {
    const pages = new Set(entries.filter((e) => e.kind === "page").map((e) => e.appPath));
    for (const appPath of Object.keys(frontRoutes)) {
      expect(pages.has(appPath), appPath).toBe(false);
      expect(isFrontPath(appPath), appPath).toBe(true);
    }
    expect(isFrontPath("/api/jobs/[id]")).toBe(false);
    for (const appPath of nodeBodyRoutes) expect(frontRoutes[appPath], appPath).toBeDefined();
    expect(isFrontPath("/[section]/[owner]/[name]/app/[[...path]]")).toBe(true);
    expect(isFrontPath("/[section]/[owner]/[name]/tree/[rev]/[[...path]]")).toBe(false);
  });
});

describe("matching paths as Next does", () => {
  const match = appPathMatcher(entries.map((entry) => entry.appPath));

  it("prefers static segments, then dynamic ones, then catch-alls", () => {
    expect(match("/v2/token")).toEqual({ route: "/v2/token", params: {} });
    expect(match("/v2")).toEqual({ route: "/v2/[[...path]]", params: {} });
    expect(match("/v2/library/a/blobs/sha256:ab")?.params).toEqual({
      path: ["library", "a", "blobs", "sha256:ab"],
    });
    // Under /hf the HF API wins over the repository routes that would also match.
    expect(match("/hf/acme/m/resolve/main/a.txt")?.route).toBe("/hf/[...path]");
    expect(match("/models/acme/m/resolve/main/dir/a%20b.txt")).toEqual({
      route: "/[section]/[owner]/[name]/resolve/[rev]/[...path]",
      params: {
        section: "models",
        owner: "acme",
        name: "m",
        rev: "main",
        path: ["dir", "a b.txt"],
      },
    });
    expect(match("/models/acme/m.git/info/lfs/objects/batch")?.params).toEqual({
      section: "models",
      owner: "acme",
      name: "m.git",
      rest: ["lfs", "objects", "batch"],
    });
    expect(match("/api/runner/jobs/12/finish")).toEqual({
      route: "/api/runner/jobs/[id]/finish",
      params: { id: "12" },
    });
  });

  it("lets a path no front route has fall through to the page Next would render", () => {
    expect(match("/api/runner/nothing")?.route).toBe("/[section]/[owner]/[name]");
    expect(match("/hf")?.route).toBe("/[section]");
    expect(match("/spaces/acme/demo/app")).toEqual({
      route: "/[section]/[owner]/[name]/app/[[...path]]",
      params: { section: "spaces", owner: "acme", name: "demo" },
    });
    expect(frontRoutes[match("/models/acme/m/tree/main")!.route]).toBeUndefined();
    expect(frontRoutes[match("/spaces/acme/demo/app/x")!.route]).toBeDefined();
  });
});
