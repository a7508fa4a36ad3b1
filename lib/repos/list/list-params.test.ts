import { describe, expect, it } from "vitest";

import { listQueryString, parseListParams, withListParams } from "./list-params";

const parse = (query: string) => parseListParams(new URLSearchParams(query));

describe("list params", () => {
  it("reads a list's state from its URL, trimmed", () => {
    expect(parse("search=%20llama%20&framework=pytorch&sort=likes&page=3")).toEqual({
      search: "llama",
      framework: "pytorch",
      sort: "likes",
      page: 3,
    });
  });

  it("drops what does not parse instead of refusing the link", () => {
    expect(
      parse(`search=${"x".repeat(201)}&owner=${"o".repeat(40)}&task=%20&sort=trending&page=0`),
    ).toEqual({});
    expect(parse("page=2.5")).toEqual({});
    expect(parse("page=10001")).toEqual({});
    expect(parse(`task=${"t".repeat(100)}`)).toEqual({ task: "t".repeat(100) });
  });

  it("leaves the defaults out, so that a list has one URL", () => {
    expect(parse("sort=updated&page=1")).toEqual({});
    expect(listQueryString(parse("page=2&search=bert&sort=name"))).toBe(
      "?search=bert&sort=name&page=2",
    );
  });

  it("takes the first of repeated values from a page's search params", () => {
    expect(parseListParams({ search: ["a", "b"], license: "mit" })).toEqual({
      search: "a",
      license: "mit",
    });
  });

  it("keeps one position per URL: a cursor over a page number, and drops it on other changes", () => {
    expect(parse("page=50&after=eyJzIjoxfQ&sort=likes")).toEqual({
      after: "eyJzIjoxfQ",
      sort: "likes",
    });
    expect(parse("after=abc&before=def")).toEqual({ before: "def" });
    expect(parse("after=not%20a%20cursor")).toEqual({});
    expect(parse(`after=${"a".repeat(801)}`)).toEqual({});
    const deep = parse("search=bert&after=abc");
    expect(withListParams(deep, { license: "mit" })).toEqual({ search: "bert", license: "mit" });
    expect(withListParams(deep, { before: "xyz" })).toEqual({ search: "bert", before: "xyz" });
    expect(listQueryString(deep)).toBe("?search=bert&after=abc");
  });
});
