import { describe, expect, it } from "vitest";

import { listQueryString, parseListParams } from "./list-params";

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
});
