import { describe, expect, it } from "vitest";

import { parsePathsInfoBody } from "./paths-info-body";

describe("parsePathsInfoBody", () => {
  it("reads the JS client's JSON body", () => {
    expect(
      parsePathsInfoBody("application/json", '{"paths":["a.txt","dir"],"expand":true}'),
    ).toEqual({
      paths: ["a.txt", "dir"],
      expand: true,
    });
  });

  it("reads Python's form body, with repeated paths and expand=False", () => {
    expect(
      parsePathsInfoBody(
        "application/x-www-form-urlencoded",
        "paths=a.txt&paths=sub%2Fb.bin&expand=False",
      ),
    ).toEqual({ paths: ["a.txt", "sub/b.bin"], expand: false });
    expect(
      parsePathsInfoBody("application/x-www-form-urlencoded; charset=utf-8", "paths=x&expand=True")
        .expand,
    ).toBe(true);
  });

  it("refuses bodies without a list of paths", () => {
    expect(() => parsePathsInfoBody("application/json", '{"paths":[1]}')).toThrow(
      "paths must be a list",
    );
    expect(() => parsePathsInfoBody("application/json", "{oops")).toThrow("must be JSON");
    expect(() =>
      parsePathsInfoBody(
        "application/json",
        JSON.stringify({ paths: Array.from({ length: 1001 }, (_, i) => `f${i}`) }),
      ),
    ).toThrow("at most 1000");
  });
});
