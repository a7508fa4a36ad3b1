import { describe, expect, it } from "vitest";

import { maxLfsObjectBytes, objectProblem, parseBatchRequest } from "./batch-request";

const oid = "b".repeat(64);

describe("parseBatchRequest", () => {
  it("accepts git-lfs, JS and Python requests", () => {
    expect(
      parseBatchRequest({
        operation: "download",
        transfers: ["basic"],
        ref: { name: "refs/heads/main" },
        objects: [{ oid, size: 1 }],
      }),
    ).toMatchObject({ operation: "download" });
    expect(
      parseBatchRequest({
        operation: "upload",
        transfers: ["basic", "multipart", "xet"],
        hash_algo: "sha_256",
        objects: [],
      }),
    ).toMatchObject({ operation: "upload", objects: [] });
    expect(
      parseBatchRequest({
        operation: "upload",
        hash_algo: "sha256",
        ref: null,
        objects: [{ oid, size: 0 }],
      }),
    ).toMatchObject({ operation: "upload", objects: [{ oid, size: 0 }] });
  });

  it("refuses other operations, hash algorithms and transfer adapters", () => {
    expect(() => parseBatchRequest({ operation: "delete", objects: [] })).toThrow(
      "Invalid batch request",
    );
    expect(() =>
      parseBatchRequest({ operation: "upload", hash_algo: "sha512", objects: [] }),
    ).toThrow("Unsupported hash");
    expect(() =>
      parseBatchRequest({ operation: "upload", transfers: ["xet"], objects: [] }),
    ).toThrow('only the "basic"');
    expect(() => parseBatchRequest({ operation: "upload", objects: [{ oid, size: -1 }] })).toThrow(
      "Invalid batch request",
    );
    expect(() =>
      parseBatchRequest({ operation: "upload", objects: Array(1001).fill({ oid, size: 1 }) }),
    ).toThrow("at most 1000");
  });

  it("flags objects with a bad oid or an oversized size", () => {
    expect(objectProblem({ oid, size: 5 })).toBeNull();
    expect(objectProblem({ oid: "B".repeat(64), size: 5 })?.code).toBe(422);
    expect(objectProblem({ oid: "../../etc", size: 5 })?.code).toBe(422);
    expect(objectProblem({ oid, size: maxLfsObjectBytes + 1 })?.code).toBe(422);
  });
});
