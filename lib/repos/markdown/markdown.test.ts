import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import Markdown from "react-markdown";
import { describe, expect, it } from "vitest";

import { markdownPlugins } from "./plugins";
import { resolveRepoUrl, type RepoUrlBase } from "./resolve-url";

const base: RepoUrlBase = { repoPath: "/models/openmind/bert", rev: "main", dir: "docs" };

function render(markdown: string, at: RepoUrlBase = base): string {
  return renderToStaticMarkup(createElement(Markdown, markdownPlugins(at), markdown));
}

describe("resolveRepoUrl", () => {
  it("points relative links at file pages and relative images at raw files of the same revision", () => {
    expect(resolveRepoUrl("guide.md", base, "link")).toBe(
      "/models/openmind/bert/blob/main/docs/guide.md",
    );
    expect(resolveRepoUrl("./img/a b.png", base, "image")).toBe(
      "/models/openmind/bert/resolve/main/docs/img/a%20b.png",
    );
    expect(resolveRepoUrl("../config.json#L3", base, "link")).toBe(
      "/models/openmind/bert/blob/main/config.json#L3",
    );
    expect(resolveRepoUrl("/assets/logo.png", base, "image")).toBe(
      "/models/openmind/bert/resolve/main/assets/logo.png",
    );
    expect(resolveRepoUrl("..", base, "link")).toBe("/models/openmind/bert/tree/main");
    expect(resolveRepoUrl("x.png", { ...base, rev: "feature/x" }, "image")).toBe(
      "/models/openmind/bert/resolve/feature%2Fx/docs/x.png",
    );
  });

  it("keeps web links and anchors, and drops dangerous or escaping ones", () => {
    expect(resolveRepoUrl("https://example.com/a?b=1", base, "link")).toBe(
      "https://example.com/a?b=1",
    );
    expect(resolveRepoUrl("mailto:a@example.com", base, "link")).toBe("mailto:a@example.com");
    expect(resolveRepoUrl("#usage", base, "link")).toBe("#usage");
    for (const url of [
      "javascript:alert(1)",
      " JavaScript:alert(1)",
      "data:text/html,<script>",
      "vbscript:x",
      "//evil.example/x",
    ]) {
      expect(resolveRepoUrl(url, base, "link"), url).toBeNull();
    }
    expect(resolveRepoUrl("mailto:a@example.com", base, "image")).toBeNull();
    expect(resolveRepoUrl("../../../etc/passwd", base, "image")).toBeNull();
  });
});

describe("card markdown", () => {
  it("renders GitHub-flavoured tables, task lists and highlighted code", () => {
    const html = render(
      "| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n```python\nimport torch\n```\n",
    );
    expect(html).toContain("<table>");
    expect(html).toContain("<td>1</td>");
    expect(html).toContain('type="checkbox"');
    expect(html).toMatch(
      /<code class="hljs language-python"><span class="hljs-keyword">import<\/span> torch/,
    );
  });

  it("resolves relative links and images in markdown and in raw HTML", () => {
    const html = render(
      '![arch](img/arch.png)\n\n[config](../config.json)\n\n<p align="center"><img src="logo.png" width="200"></p>\n\n[web](https://example.com)',
    );
    expect(html).toContain('src="/models/openmind/bert/resolve/main/docs/img/arch.png"');
    expect(html).toContain('href="/models/openmind/bert/blob/main/config.json"');
    expect(html).toContain(
      '<p align="center"><img src="/models/openmind/bert/resolve/main/docs/logo.png" width="200"/></p>',
    );
    expect(html).toContain('href="https://example.com" rel="nofollow noopener noreferrer"');
  });

  it("strips scripts, event handlers, javascript: links, styles and frames from an XSS card", () => {
    const html = render(
      [
        "<script>alert('s')</script>",
        '<img src="x.png" onerror="alert(1)">',
        '<a href="javascript:alert(2)">click</a>',
        "[md link](javascript:alert(3))",
        '<div style="position:fixed" onclick="alert(4)">styled</div>',
        '<iframe src="https://evil.example"></iframe>',
        "<svg><script>alert(5)</script></svg>",
        '<a href="JaVaScRiPt:alert(6)">mixed case</a>',
        '<form action="https://evil.example"><input name="p"></form>',
        '<object data="x.swf"></object><embed src="x.swf">',
      ].join("\n\n"),
    );
    expect(html).not.toMatch(
      /<script|onerror|onclick|javascript:|style=|<iframe|<svg|<form|<object|<embed|alert\(1\)/i,
    );
    expect(html).toContain("click");
    expect(html).toContain("styled");
  });
});
