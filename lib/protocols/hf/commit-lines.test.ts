import { describe, expect, it } from "vitest";

import { AppError } from "@/lib/errors";

import { parseCommitLine } from "./commit-lines";

const fail = (value: unknown) => {
  try {
    parseCommitLine(value, 3);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).message;
  }
  throw new Error("expected a failure");
};

describe("parseCommitLine", () => {
  it("reads every line type the clients send", () => {
    expect(
      parseCommitLine(
        { key: "header", value: { summary: "Add", description: "d", parentCommit: "abc" } },
        1,
      ),
    ).toEqual({
      key: "header",
      summary: "Add",
      description: "d",
      parentCommit: "abc",
    });
    expect(
      parseCommitLine(
        { key: "file", value: { path: "a.txt", content: "aGk=", encoding: "base64" } },
        2,
      ),
    ).toEqual({
      key: "file",
      path: "a.txt",
      content: Buffer.from("hi"),
    });
    const oid = "a".repeat(64);
    // Python sends copies without size.
    expect(
      parseCommitLine({ key: "lfsFile", value: { path: "w.bin", algo: "sha256", oid } }, 3),
    ).toEqual({
      key: "lfsFile",
      path: "w.bin",
      oid,
      size: undefined,
    });
    expect(parseCommitLine({ key: "deletedFile", value: { path: "x" } }, 4)).toEqual({
      key: "deletedFile",
      path: "x",
    });
    expect(parseCommitLine({ key: "deletedFolder", value: { path: "dir/" } }, 5)).toEqual({
      key: "deletedFolder",
      path: "dir/",
    });
  });

  it("refuses unknown keys, missing fields and content that is not base64", () => {
    expect(fail({ key: "rename", value: {} })).toContain('unknown key "rename"');
    expect(fail({ key: "file", value: { content: "aGk=" } })).toContain(
      "Line 3 of the commit: value.path",
    );
    expect(fail({ key: "file", value: { path: "a", content: "not base64!" } })).toContain(
      "is not base64",
    );
    expect(fail({ key: "lfsFile", value: { path: "a", oid: "x", algo: "md5" } })).toContain("algo");
    expect(fail("just a string")).toContain("Line 3");
  });
});
