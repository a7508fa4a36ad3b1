import { describe, expect, it } from "vitest";

import { parseListParams } from "./list-params";

const parse = (query: string) => parseListParams(new URLSearchParams(query));

describe("parseListParams", () => {
  it("maps HF's search, author, filters, sort and direction", () => {
    const params = parse(
      "search=bert&author=acme&filter=license:apache-2.0&filter=pytorch,safetensors&pipeline_tag=fill-mask&sort=downloads&direction=-1&limit=20&expand=likes",
    );
    expect(params).toEqual({
      search: {
        q: "bert",
        owner: "acme",
        tags: ["license:apache-2.0", "pytorch", "safetensors"],
        filters: { task: "fill-mask" },
        sort: "downloads",
        direction: "desc",
      },
      limit: 20,
      cursor: null,
    });
  });

  it("defaults to newest first, caps the page size and passes the cursor on", () => {
    const params = parse(`limit=5000&cursor=abc&sort=lastModified&direction=1`);
    expect(params.limit).toBe(1000);
    expect(params.cursor).toBe("abc");
    expect(params.search.sort).toBe("updated");
    expect(params.search.direction).toBe("asc");
    expect(parse("").search).toMatchObject({ sort: "updated", direction: "desc", tags: [] });
    expect(parse("sort=trendingScore").search.sort).toBe("likes");
    expect(parse("sort=id").search.sort).toBe("name");
  });

  it("refuses unknown sorts, bad directions and bad limits", () => {
    expect(() => parse("sort=random")).toThrow('Unknown sort "random"');
    expect(() => parse("direction=up")).toThrow("direction must be");
    expect(() => parse("limit=ten")).toThrow("limit must be a whole number");
    expect(() => parse(Array.from({ length: 21 }, (_, i) => `filter=t${i}`).join("&"))).toThrow(
      "at most 20",
    );
  });
});
