import { describe, expect, it } from "vitest";

import {
  activeTagFilters,
  clearTagFilters,
  imageQueryString,
  parseImageQuery,
  tagFiltersOf,
  withImageQuery,
} from "./filter-params";

describe("parseImageQuery", () => {
  it("reads every filter from its URL name", () => {
    const query = parseImageQuery(
      new URLSearchParams(
        "category=llm&q=+open+&os=openeuler&python=3.9&cann=8.0.rc2.beta1&framework=pytorch&framework_version=2.1.0&openmind=0.8.0&hardware=npu&arch=arm64&space=1&model_ci=1&page=2",
      ),
    );
    expect(query).toEqual({
      category: "llm",
      q: "open",
      os: "openeuler",
      python: "3.9",
      cann: "8.0.rc2.beta1",
      framework: "pytorch",
      frameworkVersion: "2.1.0",
      openmind: "0.8.0",
      hardware: "npu",
      arch: "arm64",
      space: true,
      modelCi: true,
      page: 2,
    });
    expect(tagFiltersOf(query)).toEqual({
      os: "openeuler",
      python: "3.9",
      cann: "8.0.rc2.beta1",
      framework: "pytorch",
      frameworkVersion: "2.1.0",
      openmind: "0.8.0",
      hardware: "npu",
      arch: "arm64",
      space: true,
      modelCi: true,
    });
  });

  it("drops values that cannot be filters instead of failing the page", () => {
    expect(
      parseImageQuery({
        category: "games",
        os: "windows",
        python: "three",
        cann: "'; drop table",
        framework: "tensorflow",
        hardware: "gpu",
        arch: "ARM 64",
        space: "yes",
        page: "-1",
        q: "x".repeat(101),
      }),
    ).toEqual({});
  });

  it("keeps a framework version only with its framework, and takes the first of repeated params", () => {
    expect(parseImageQuery({ framework_version: "2.1.0" })).toEqual({});
    expect(parseImageQuery({ hardware: ["npu", "cpu"] })).toEqual({ hardware: "npu" });
    expect(parseImageQuery({ q: "   " })).toEqual({});
  });
});

describe("imageQueryString", () => {
  it("writes the state back in a stable order and round-trips", () => {
    const query = { hardware: "npu", framework: "pytorch", q: "torch", page: 3 } as const;
    const text = imageQueryString(query);
    expect(text).toBe("?q=torch&framework=pytorch&hardware=npu&page=3");
    expect(parseImageQuery(new URLSearchParams(text))).toEqual(query);
    expect(imageQueryString({})).toBe("");
    expect(imageQueryString({ page: 1, space: true })).toBe("?space=1");
  });
});

describe("withImageQuery", () => {
  const query = {
    framework: "pytorch",
    frameworkVersion: "2.1.0",
    hardware: "npu",
    page: 2,
  } as const;

  it("goes back to the first page when the filters change, and keeps the page otherwise", () => {
    expect(withImageQuery(query, { os: "ubuntu" })).toEqual({
      framework: "pytorch",
      frameworkVersion: "2.1.0",
      hardware: "npu",
      os: "ubuntu",
    });
    expect(withImageQuery(query, { page: 3 }).page).toBe(3);
  });

  it("drops the framework version when the framework changes or is cleared", () => {
    expect(withImageQuery(query, { framework: "mindspore" })).toEqual({
      framework: "mindspore",
      hardware: "npu",
    });
    expect(withImageQuery(query, { framework: undefined })).toEqual({ hardware: "npu" });
    expect(withImageQuery(query, { framework: "pytorch" }).frameworkVersion).toBe("2.1.0");
  });

  it("clears the tag filters but keeps category and search text", () => {
    const full = { ...query, category: "llm", q: "open", space: true } as const;
    expect(activeTagFilters(full)).toEqual(["framework", "frameworkVersion", "hardware", "space"]);
    expect(clearTagFilters(full)).toEqual({ category: "llm", q: "open" });
  });
});
