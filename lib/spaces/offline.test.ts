import { describe, expect, it } from "vitest";

import { offlineCommandsOf } from "./offline";
import type { SpaceRuntime } from "./runtime";

const image = "hub.example.com/spaces/alice/demo:0123456789ab";

function runtime(env: SpaceRuntime["env"]): SpaceRuntime {
  return {
    stage: "STOPPED",
    sdk: "gradio",
    hardware: { current: "cpu-basic", requested: "cpu-basic" },
    private: false,
    build: {
      state: "succeeded",
      message: null,
      jobId: 1,
      commit: "0123456789abcdef",
      image,
      digest: null,
      size: null,
      builtCommit: "0123456789abcdef",
      durationMs: 12_000,
    },
    run: { state: "none", message: null, logJobId: null, sleepSeconds: null },
    sleepSeconds: 48 * 3600,
    env,
  };
}

describe("offline commands", () => {
  it("run the image with -e NAME=value for each variable, quoted for the shell", () => {
    const commands = offlineCommandsOf(
      runtime({ variables: { MODEL_ID: "alice/llm", GREETING: "it's $HOME" }, secretNames: [] }),
    );
    expect(commands?.run).toBe(
      `docker run -it --rm -p 7860:7860 -e 'GREETING=it'\\''s $HOME' -e MODEL_ID=alice/llm ${image}`,
    );
    expect(commands?.secretNames).toEqual([]);
  });

  it("pass secrets by name only, for the user to set", () => {
    const commands = offlineCommandsOf(
      runtime({ variables: { A: "1" }, secretNames: ["API_KEY", "HF_TOKEN"] }),
    );
    expect(commands?.run).toBe(
      `docker run -it --rm -p 7860:7860 -e A=1 -e API_KEY -e HF_TOKEN ${image}`,
    );
    expect(commands?.secretNames).toEqual(["API_KEY", "HF_TOKEN"]);
  });

  it("are the plain command without variables", () => {
    expect(offlineCommandsOf(runtime({ variables: {}, secretNames: [] }))?.run).toBe(
      `docker run -it --rm -p 7860:7860 ${image}`,
    );
  });
});
