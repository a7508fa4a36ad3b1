import { describe, expect, it } from "vitest";

import { dockerBuildArgs } from "./docker-args";

describe("dockerBuildArgs", () => {
  it("is a plain build without build args", () => {
    expect(
      dockerBuildArgs({ tag: "h/x:1", dockerfile: "/w/src/Dockerfile", context: "/w/src" }),
    ).toEqual(["build", "--tag", "h/x:1", "--file", "/w/src/Dockerfile", "/w/src"]);
  });

  it("reuses no cached layer for a factory rebuild", () => {
    expect(
      dockerBuildArgs({ tag: "h/x:1", dockerfile: "/w/D", context: "/w", noCache: true }),
    ).toEqual(["build", "--no-cache", "--tag", "h/x:1", "--file", "/w/D", "/w"]);
  });

  it("passes each build arg as one --build-arg NAME=value argument, sorted by name", () => {
    expect(
      dockerBuildArgs({
        tag: "h/x:1",
        dockerfile: "/w/src/.strata.Dockerfile",
        context: "/w/src",
        buildArgs: { MODEL_ID: "alice/llm", GREETING: "it's a 'test' $HOME; rm -rf /" },
      }),
    ).toEqual([
      "build",
      "--tag",
      "h/x:1",
      "--file",
      "/w/src/.strata.Dockerfile",
      "--build-arg",
      "GREETING=it's a 'test' $HOME; rm -rf /",
      "--build-arg",
      "MODEL_ID=alice/llm",
      "/w/src",
    ]);
  });
});
