import { describe, expect, it } from "vitest";

import { parseByteRange } from "@/lib/http/byte-range";

import { acceptsMediaType } from "./accept";
import { parseContentRange } from "./content-range";
import { isRepositoryName, parseReference } from "./names";
import { parseRegistryPath, scopeForRequest } from "./route-path";
import { parseScopes, repositoryActionsIn } from "./scopes";

describe("registry paths", () => {
  it("matches endpoints from the right, so names may contain slashes and endpoint words", () => {
    expect(parseRegistryPath("/v2/")).toEqual({ kind: "base" });
    expect(parseRegistryPath("/v2")).toEqual({ kind: "base" });
    expect(parseRegistryPath("/v2/_catalog")).toEqual({ kind: "catalog" });
    expect(parseRegistryPath("/v2/spaces/alice/demo/manifests/abc1234")).toEqual({
      kind: "manifest",
      name: "spaces/alice/demo",
      reference: "abc1234",
    });
    expect(parseRegistryPath("/v2/a/blobs/b/blobs/uploads/")).toEqual({
      kind: "upload-start",
      name: "a/blobs/b",
    });
    expect(parseRegistryPath("/v2/a/manifests/blobs/sha256:00")).toEqual({
      kind: "blob",
      name: "a/manifests",
      digest: "sha256:00",
    });
    expect(parseRegistryPath("/v2/a/b/blobs/uploads/1b4e28ba-2fa1-11d2-883f-0016d3cca427")).toEqual(
      {
        kind: "upload",
        name: "a/b",
        uploadId: "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
      },
    );
    expect(parseRegistryPath("/v2/a/b/tags/list")).toEqual({ kind: "tags", name: "a/b" });
    expect(parseRegistryPath("/v2/a/b/referrers/sha256:00")).toEqual({
      kind: "referrers",
      name: "a/b",
      digest: "sha256:00",
    });
    expect(parseRegistryPath("/v2/a/b/unknown")).toBeNull();
    expect(parseRegistryPath("/v2/a/%ZZ/tags/list")).toBeNull();
  });

  it("names the scope a request needs for the 401 challenge", () => {
    expect(scopeForRequest("HEAD", parseRegistryPath("/v2/a/b/manifests/x"))).toBe(
      "repository:a/b:pull",
    );
    expect(scopeForRequest("PATCH", parseRegistryPath("/v2/a/b/blobs/uploads/x"))).toBe(
      "repository:a/b:pull,push",
    );
    expect(scopeForRequest("DELETE", parseRegistryPath("/v2/a/b/manifests/x"))).toBe(
      "repository:a/b:delete",
    );
    expect(scopeForRequest("GET", parseRegistryPath("/v2/_catalog"))).toBe("registry:catalog:*");
    expect(scopeForRequest("GET", parseRegistryPath("/v2/"))).toBeNull();
  });
});

describe("names and references", () => {
  it("follows the OCI name grammar", () => {
    for (const ok of ["a/b", "base_image/cann", "a-b/c__d", "a.b/c--d/e"])
      expect(isRepositoryName(ok)).toBe(true);
    for (const bad of ["A/b", "a//b", "a/b/", "-a/b", "a/b_", "a/b___c", "a".repeat(201)]) {
      expect(isRepositoryName(bad)).toBe(false);
    }
  });

  it("tells tags from digests", () => {
    expect(parseReference("v1.0")).toEqual({ kind: "tag", tag: "v1.0" });
    expect(parseReference(`sha256:${"a".repeat(64)}`)).toEqual({
      kind: "digest",
      digest: `sha256:${"a".repeat(64)}`,
    });
    expect(parseReference(".bad")).toBeNull();
    expect(parseReference("x".repeat(129))).toBeNull();
    expect(parseReference("sha256:")).toBeNull();
  });
});

describe("HTTP ranges", () => {
  it("parses blob Range requests", () => {
    expect(parseByteRange("bytes=0-9", 100)).toEqual({ start: 0, end: 9 });
    expect(parseByteRange("bytes=90-", 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange("bytes=-10", 100)).toEqual({ start: 90, end: 99 });
    expect(parseByteRange("bytes=50-500", 100)).toEqual({ start: 50, end: 99 });
    expect(parseByteRange("bytes=100-", 100)).toBe("unsatisfiable");
    expect(parseByteRange("bytes=0-1,4-5", 100)).toBeNull();
    expect(parseByteRange(null, 100)).toBeNull();
  });

  it("parses upload Content-Range", () => {
    expect(parseContentRange("0-99")).toEqual({ start: 0, end: 99 });
    expect(parseContentRange("bytes 100-199/*")).toEqual({ start: 100, end: 199 });
    expect(parseContentRange(null)).toBeNull();
    expect(parseContentRange("9-3")).toBe("invalid");
    expect(parseContentRange("abc")).toBe("invalid");
  });
});

describe("scopes and Accept", () => {
  it("parses scopes whose names contain colons and expands *", () => {
    const grants = parseScopes([
      "repository:localhost:5000/a/b:pull,push",
      "repository(plugin):x/y:* registry:catalog:*",
    ]);
    expect(grants).toEqual([
      { type: "repository", name: "localhost:5000/a/b", actions: ["pull", "push"] },
      { type: "repository", name: "x/y", actions: ["*"] },
      { type: "registry", name: "catalog", actions: ["*"] },
    ]);
    expect([...repositoryActionsIn(grants, "x/y")]).toEqual(["pull", "push", "delete"]);
  });

  it("matches Accept headers with parameters and wildcards", () => {
    const type = "application/vnd.oci.image.index.v1+json";
    expect(acceptsMediaType(null, type)).toBe(true);
    expect(acceptsMediaType(`${type}; q=0.5, text/plain`, type)).toBe(true);
    expect(acceptsMediaType("application/*", type)).toBe(true);
    expect(acceptsMediaType("application/vnd.oci.image.manifest.v1+json", type)).toBe(false);
  });
});
