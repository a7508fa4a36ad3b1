import { describe, expect, it } from "vitest";

import { defineStrings, localeFromAcceptLanguage } from "./strings";

describe("defineStrings", () => {
  it("returns the strings of every locale", () => {
    const strings = defineStrings({
      en: { title: "Models", count: (n: number) => `${n} models` },
      zh: { title: "模型", count: (n: number) => `${n} 个模型` },
    });
    expect(strings.zh.count(3)).toBe("3 个模型");
  });

  // Checked by `tsc` (npm test's typecheck step): an unused @ts-expect-error fails it, so each
  // line below proves that a translation which does not match English does not compile.
  it("does not compile a translation that lacks a key or has the wrong kind of value", () => {
    // @ts-expect-error zh lacks `count`
    defineStrings({ en: { title: "Models", count: "n" }, zh: { title: "模型" } });
    // @ts-expect-error zh has a string where en has a function
    defineStrings({ en: { count: (n: number) => `${n}` }, zh: { count: "个" } });
    // @ts-expect-error zh has a key en does not have
    defineStrings({ en: { title: "Models" }, zh: { title: "模型", extra: "多余" } });
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9")).toBe("zh");
  });
});
