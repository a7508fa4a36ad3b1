import { describe, expect, it } from "vitest";

import {
  authFile,
  buildahBudArgs,
  buildahPushArgs,
  buildIdRange,
  plainHttpRegistry,
  registriesConf,
} from "./buildah-args";

const store = { root: "/w/build/storage", runroot: "/w/build/run" };

describe("buildah command lines", () => {
  it("build with chroot isolation, in the slot's id range, with the job's auth file", () => {
    // prettier-ignore
    expect(
      buildahBudArgs({
        store,
        tag: "hub:3000/spaces/ada/demo:0123456789ab",
        dockerfile: "/w/work/src/.strata.Dockerfile",
        context: "/w/work/src",
        authFile: "/w/build/auth.json",
        ids: buildIdRange(20_001),
        buildArgs: { MODEL: "Qwen/Qwen2.5-0.5B" },
      }),
    ).toEqual([
      "--root", "/w/build/storage", "--runroot", "/w/build/run", "--storage-driver", "vfs",
      "bud",
      "--isolation", "chroot",
      "--userns-uid-map", "0:2310785536:65536",
      "--userns-gid-map", "0:2310785536:65536",
      "--authfile", "/w/build/auth.json",
      "--layers=false",
      "--build-arg", "MODEL=Qwen/Qwen2.5-0.5B",
      "--file", "/w/work/src/.strata.Dockerfile",
      "--tag", "hub:3000/spaces/ada/demo:0123456789ab",
      "/w/work/src",
    ]);
  });

  it("push to the tag's registry and record the digest", () => {
    // prettier-ignore
    expect(
      buildahPushArgs({ store, tag: "hub:3000/spaces/ada/demo:1", authFile: "/a.json", digestFile: "/d" }),
    ).toEqual([
      "--root", "/w/build/storage", "--runroot", "/w/build/run", "--storage-driver", "vfs",
      "push", "--authfile", "/a.json", "--digestfile", "/d",
      "hub:3000/spaces/ada/demo:1", "docker://hub:3000/spaces/ada/demo:1",
    ]);
  });

  it("gives each slot uid its own id range, above every real account and below 2^32 - 1", () => {
    const ranges = [20_000, 20_001, 2_000_010, 2_999_999].map(buildIdRange);
    for (const range of ranges) {
      expect(range.first).toBeGreaterThanOrEqual(1_000_000_000);
      expect(range.first + range.count).toBeLessThan(2 ** 32 - 1);
    }
    const firsts = ranges.map((r) => r.first);
    expect(new Set(firsts).size).toBe(firsts.length);
  });

  it("use plain HTTP for this hub's own http registry only", () => {
    expect(plainHttpRegistry("localhost:3000/spaces/a/b:1", "http://localhost:3000")).toBe(
      "localhost:3000",
    );
    expect(plainHttpRegistry("hub.example/spaces/a/b:1", "https://hub.example")).toBeNull();
    expect(plainHttpRegistry("other:5000/x/y:1", "http://localhost:3000")).toBeNull();
    expect(registriesConf(null)).not.toContain("insecure");
    expect(registriesConf("localhost:3000")).toContain(
      '[[registry]]\nlocation = "localhost:3000"\ninsecure = true',
    );
  });

  it("keep the credential in the auth file, for the tag's registry", () => {
    const file = JSON.parse(authFile("hub:3000", "strata-job", "strjob_secret")) as {
      auths: Record<string, { auth: string }>;
    };
    expect(Buffer.from(file.auths["hub:3000"]!.auth, "base64").toString()).toBe(
      "strata-job:strjob_secret",
    );
  });
});
