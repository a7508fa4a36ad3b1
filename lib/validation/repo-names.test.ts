import { describe, expect, it } from "vitest";

import { refNameProblem } from "./ref-names";
import { repoNameSchema } from "./repo-names";
import { repoPathProblem } from "./repo-paths";

describe("repository names", () => {
  it.each(["a", "bert-base", "Qwen2.5-7B_Instruct", "_private", "x".repeat(96), "v1.0"])(
    "accepts %s",
    (name) => {
      expect(repoNameSchema.safeParse(name).success).toBe(true);
    },
  );

  it.each([
    ["", "Enter a name"],
    ["x".repeat(97), "at most 96"],
    [".hidden", "Start with"],
    ["-dash", "Start with"],
    ["a..b", "'..'"],
    ["model.git", ".git"],
    ["Model.GIT", ".git"],
    ["a/b", "only letters"],
    ["a b", "only letters"],
    ["名字", "only letters"],
  ])("refuses %j (%s)", (name, message) => {
    const result = repoNameSchema.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).join(" ")).toContain(message);
  });
});

describe("repository file paths", () => {
  it.each([
    "README.md",
    "a/b/c.txt",
    "名字/文件.json",
    "with space.bin",
    ".gitattributes",
    "sub/.gitignore",
    "a..b",
    ".github/x",
  ])("accepts %j", (path) => expect(repoPathProblem(path)).toBeNull());

  it.each([
    ["", "empty"],
    ["../etc/passwd", "'..' segment"],
    ["a/../../b", "'..' segment"],
    ["a/./b", "'.' segment"],
    ["/etc/passwd", "absolute"],
    [".git/config", "git reserves"],
    ["sub/.git/hooks/post-receive", "git reserves"],
    [".GIT/config", "git reserves"],
    [".git./x", "git reserves"],
    ["GIT~1/config", "git reserves"],
    ["a\\b.txt", "backslash"],
    ["a\0b", "NUL"],
    ["a\nb", "control characters"],
    ["a\x7fb", "control characters"],
    ["a//b", "empty folder name"],
    ["a/", "empty folder name"],
    ["x".repeat(1025), "longer than 1024 bytes"],
    [`${"a/".repeat(600)}b`, "longer than 1024 bytes"],
    [`d/${"x".repeat(256)}`, "longer than 255 bytes"],
    ["bad\uD800surrogate", "not valid Unicode"],
  ])("refuses %j (%s)", (path, message) => {
    expect(repoPathProblem(path)).toContain(message);
  });
});

describe("branch and tag names", () => {
  it.each(["main", "v1.0", "feature/x-y", "refs/pr/1", "release_2"])("accepts %s", (name) => {
    expect(refNameProblem(name)).toBeNull();
  });
  it.each([
    "",
    "-x",
    "a..b",
    "a//b",
    "a/",
    ".hidden",
    "x.lock",
    "a b",
    "a~1",
    "a^",
    "a:b",
    "HEAD",
    "x.",
    "a@{1}",
  ])("refuses %j", (name) => {
    expect(refNameProblem(name)).not.toBeNull();
  });
});
