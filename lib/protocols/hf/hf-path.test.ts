import { describe, expect, it } from "vitest";

import { decodeSegments, parseHfPath } from "./hf-path";

const parse = (path: string) => parseHfPath(decodeSegments(path));
const model = { type: "model", owner: "acme", name: "bert" };

describe("parseHfPath", () => {
  it("finds the API endpoints", () => {
    expect(parse("/api/whoami-v2")).toEqual({ kind: "whoami" });
    expect(parse("/api/validate-yaml")).toEqual({ kind: "validate-yaml" });
    expect(parse("/api/repos/create")).toEqual({ kind: "repos-create" });
    expect(parse("/api/datasets")).toEqual({ kind: "list", type: "dataset" });
    expect(parse("/api/models/acme/bert")).toEqual({ kind: "info", repo: model, rev: null });
    expect(parse("/api/models/acme/bert/revision/HEAD")).toEqual({
      kind: "info",
      repo: model,
      rev: "HEAD",
    });
    expect(parse("/api/spaces/acme/bert/revision/refs%2Fpr%2F1")).toMatchObject({
      rev: "refs/pr/1",
    });
    expect(parse("/api/models/acme/bert/preupload/main")).toEqual({
      kind: "preupload",
      repo: model,
      rev: "main",
    });
    expect(parse("/api/models/acme/bert/commit/feature%2Fx")).toEqual({
      kind: "commit",
      repo: model,
      rev: "feature/x",
    });
    expect(parse("/api/models/acme/bert/branch/dev/x")).toEqual({
      kind: "branch",
      repo: model,
      branch: "dev/x",
    });
    expect(parse("/api/models/acme/bert/refs")).toEqual({ kind: "refs", repo: model });
  });

  it("splits tree revisions and paths, encoded (Python) or not (JS)", () => {
    expect(parse("/api/models/acme/bert/tree/main")).toEqual({
      kind: "tree",
      repo: model,
      rev: "main",
      path: "",
    });
    expect(parse("/api/models/acme/bert/tree/main/sub/dir")).toMatchObject({
      rev: "main",
      path: "sub/dir",
    });
    expect(parse("/api/models/acme/bert/tree/v1%2Fbeta/sub%2Fdir")).toMatchObject({
      rev: "v1/beta",
      path: "sub/dir",
    });
    expect(parse("/api/models/acme/bert/tree/refs/pr/1/a")).toMatchObject({
      rev: "refs/pr/1",
      path: "a",
    });
  });

  it("finds resolve, raw, LFS and git paths with and without type prefixes", () => {
    expect(parse("/acme/bert/resolve/main/sub/w.bin")).toEqual({
      kind: "resolve",
      repo: model,
      rev: "main",
      path: "sub/w.bin",
      raw: false,
    });
    expect(parse("/datasets/acme/data/raw/HEAD/a%2Fb.csv")).toEqual({
      kind: "resolve",
      repo: { type: "dataset", owner: "acme", name: "data" },
      rev: "HEAD",
      path: "a/b.csv",
      raw: true,
    });
    expect(parse("/spaces/acme/app.git/info/lfs/objects/batch")).toEqual({
      kind: "lfs",
      repo: { type: "space", owner: "acme", name: "app" },
      path: ["objects", "batch"],
    });
    expect(parse("/acme/bert.git/info/refs")).toEqual({
      kind: "git-info",
      repo: model,
      path: ["refs"],
    });
    expect(parse("/acme/bert/git-upload-pack")).toEqual({
      kind: "git-rpc",
      repo: model,
      service: "git-upload-pack",
    });
    expect(parse("/acme/bert")).toEqual({ kind: "web", repo: model });
    expect(parse("/acme/bert/commit/abc")).toEqual({ kind: "web", repo: model, commit: "abc" });
  });

  it("answers 404 for anything else, and 400 for broken encoding", () => {
    for (const path of [
      "/api/nope",
      "/api/models/acme",
      "/api/models/acme/bert/tree",
      "/acme/bert/resolve/main",
      "/acme/bert/blame/x",
    ]) {
      expect(() => parse(path), path).toThrow("no API endpoint");
    }
    expect(() => parse("/acme/bert/resolve/main/%E0%A4%A")).toThrow("not correctly encoded");
  });
});
