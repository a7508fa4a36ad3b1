import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { defaultGitattributes } from "@/lib/hub/repos/templates";

import {
  isLfsTracked,
  lfsTrackLine,
  parseGitattributes,
  type AttributesFile,
} from "./gitattributes";
import { formatLfsPointer, parseLfsPointer } from "./pointer";
import { lfsVerdict } from "./policy";

const rootRules = `${defaultGitattributes}
# comments and blank lines are ignored

"with space.dat" filter=lfs diff=lfs merge=lfs -text
/anchored.txt filter=lfs
docs/** filter=lfs
**/weights/*.pt filter=lfs
a/**/b.x filter=lfs
data/*.csv filter=lfs
*.keep -filter
*.un !filter
*.other filter=crypt
ckpt[0-9].dat filter=lfs
[!x]y.raw filter=lfs
sub/ filter=lfs
\\#hash.bin filter=lfs
star\\*.txt filter=lfs
`;

const subRules = "x.keep filter=lfs\n*.txt filter=lfs\nnested.bin -filter\n";

const paths = [
  "model.safetensors",
  "a/b/model.safetensors",
  "pytorch_model.bin",
  "model.tar.gz",
  "x.tar",
  "archive.zip",
  "readme.md",
  "config.json",
  "saved_model/v1/variables.data",
  "saved_model/x",
  "events.out.tfevents.123",
  "with space.dat",
  "sub/with space.dat",
  "anchored.txt",
  "deeper/anchored.txt",
  "docs/x",
  "docs/y/z",
  "weights/a.pt",
  "m/weights/a.pt",
  "m/weights/deep/a.ptx",
  "a/b.x",
  "a/c/d/b.x",
  "ab.x",
  "data/train.csv",
  "data/sub/train.csv",
  "x.keep",
  "sub/x.keep",
  "sub/notes.txt",
  "sub/deep/notes.txt",
  "sub/nested.bin",
  "other.bin",
  "f.un",
  "f.other",
  "ckpt1.dat",
  "ckptx.dat",
  "ay.raw",
  "xy.raw",
  "sub/file",
  "#hash.bin",
  "star*.txt",
  "starx.txt",
  "model.mindir",
  "m.om",
  "tokenizer.model",
];

function checkAttrOracle(
  files: Record<string, string>,
  queried: string[],
): Record<string, boolean> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "attr-oracle-"));
  try {
    execFileSync("git", ["init", "-q", dir]);
    for (const [file, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), content);
    }
    const out = execFileSync("git", ["-C", dir, "check-attr", "-z", "filter", "--", ...queried], {
      env: {
        PATH: process.env.PATH,
        GIT_CONFIG_NOSYSTEM: "1",
        GIT_CONFIG_GLOBAL: "/dev/null",
      } as unknown as NodeJS.ProcessEnv,
    }).toString("utf8");
    const tokens = out.split("\0");
    const result: Record<string, boolean> = {};
    for (let i = 0; i + 2 < tokens.length; i += 3) result[tokens[i]!] = tokens[i + 2] === "lfs";
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe(".gitattributes LFS matching", () => {
  const files: AttributesFile[] = [
    { dir: "", rules: parseGitattributes(rootRules) },
    { dir: "sub", rules: parseGitattributes(subRules) },
  ];
  const oracle = checkAttrOracle(
    { ".gitattributes": rootRules, "sub/.gitattributes": subRules },
    paths,
  );

  it.each(paths)("agrees with git check-attr on %j", (p) => {
    expect(isLfsTracked(p, files)).toBe(oracle[p]);
  });

  it("covers both answers in the oracle (the comparison can fail)", () => {
    const answers = Object.values(oracle);
    expect(answers.filter(Boolean).length).toBeGreaterThan(10);
    expect(answers.filter((v) => !v).length).toBeGreaterThan(10);
  });

  it("writes track lines that match exactly the given path, as git reads them", () => {
    const tricky = [
      "tokenizer.json",
      "dir/big file.json",
      "dir/star*.bin",
      "dir/[x].bin",
      '"quoted".bin',
      "dir/!bang.bin",
      "dir/#hash.bin",
      "a\\b/c",
    ];
    const text =
      tricky
        .filter((p) => !p.includes("\\"))
        .map(lfsTrackLine)
        .join("\n") + "\n";
    const probe = [
      ...tricky.filter((p) => !p.includes("\\")),
      "other/tokenizer.json",
      "dir/starx.bin",
      "dir/x.bin",
    ];
    const git = checkAttrOracle({ ".gitattributes": text }, probe);
    const ours = [{ dir: "", rules: parseGitattributes(text) }];
    for (const p of probe) {
      const expected = !["other/tokenizer.json", "dir/starx.bin", "dir/x.bin"].includes(p);
      expect(git[p], `git on ${p}`).toBe(expected);
      expect(isLfsTracked(p, ours), `ours on ${p}`).toBe(expected);
    }
  });

  it("decides by size at 10,000,000 bytes and never for .gitattributes", () => {
    expect(lfsVerdict({ path: "big.json", size: 9_999_999 }, [])).toEqual({
      lfs: false,
      untracked: false,
    });
    expect(lfsVerdict({ path: "big.json", size: 10_000_000 }, [])).toEqual({
      lfs: true,
      untracked: true,
    });
    expect(lfsVerdict({ path: "w.safetensors", size: 10 }, files)).toEqual({
      lfs: true,
      untracked: false,
    });
    expect(lfsVerdict({ path: ".gitattributes", size: 20_000_000 }, files).lfs).toBe(false);
  });
});

describe("LFS pointers", () => {
  const oid = "a".repeat(64);

  it("round-trips", () => {
    const text = formatLfsPointer({ oid, size: 12345 });
    expect(text).toBe(
      `version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize 12345\n`,
    );
    expect(parseLfsPointer(Buffer.from(text))).toEqual({ oid, size: 12345 });
  });

  it("accepts extension keys and rejects anything else", () => {
    const base = `version https://git-lfs.github.com/spec/v1\next-0-foo sha256:${"b".repeat(64)}\noid sha256:${oid}\nsize 7\n`;
    expect(parseLfsPointer(base)).toEqual({ oid, size: 7 });
    expect(
      parseLfsPointer(`version https://example.com/v1\noid sha256:${oid}\nsize 7\n`),
    ).toBeNull();
    expect(
      parseLfsPointer(
        `version https://git-lfs.github.com/spec/v1\noid sha256:${"z".repeat(64)}\nsize 7\n`,
      ),
    ).toBeNull();
    expect(
      parseLfsPointer(`version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\nsize -1\n`),
    ).toBeNull();
    expect(
      parseLfsPointer(`version https://git-lfs.github.com/spec/v1\noid sha256:${oid}\n`),
    ).toBeNull();
    expect(parseLfsPointer(`${formatLfsPointer({ oid, size: 1 })}${"x".repeat(1024)}`)).toBeNull();
    expect(parseLfsPointer("hello")).toBeNull();
  });
});
