// A Space's Python environment on a shell runner, for real: pip installs a local wheel (no
// index) into a virtualenv once, later runs with the same requirements reuse it, new
// requirements make a new one, and jobs get copies they can use but not change.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { JobStep } from "@/lib/jobs/protocol";
import { FakeClient, payload } from "@/test/jobs/fake-client";

import { spawnInProcessGroup } from "../command-runner";
import { startJob } from "../job-execution";
import { resolveJobUser } from "../job-user";
import { NpuAllocator } from "../npu-allocator";
import { createShellExecutor } from "./shell";
import type { Executor } from "./types";

const isRoot = process.getuid?.() === 0;

// A wheel is a zip pip installs without building anything or asking an index.
const makeWheel = String.raw`
import base64, hashlib, sys, zipfile
out, version = sys.argv[1], sys.argv[2]
name = "tiny_strata"
files = {
    name + "/__init__.py": "VALUE = %r\n" % version,
    name + "-%s.dist-info/METADATA" % version: "Metadata-Version: 2.1\nName: tiny-strata\nVersion: %s\n" % version,
    name + "-%s.dist-info/WHEEL" % version: "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
}
record = name + "-%s.dist-info/RECORD" % version
lines = []
with zipfile.ZipFile("%s/%s-%s-py3-none-any.whl" % (out, name, version), "w") as wheel:
    for path, text in files.items():
        data = text.encode()
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        lines.append("%s,sha256=%s,%d" % (path, digest, len(data)))
        wheel.writestr(path, data)
    wheel.writestr(record, "\n".join(lines + [record + ",,"]) + "\n")
`;

let root: string;
let runnerRoot: string;
let fixtures: string;
let executor: Executor;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "strata-python-env-"));
  fs.chmodSync(root, 0o755);
  runnerRoot = path.join(root, "runner");
  fixtures = path.join(root, "wheels");
  fs.mkdirSync(fixtures, { mode: 0o755 });
  fs.chmodSync(fixtures, 0o755);
  for (const version of ["1", "2"]) execFileSync("python3", ["-c", makeWheel, fixtures, version]);
  for (const wheel of fs.readdirSync(fixtures)) fs.chmodSync(path.join(fixtures, wheel), 0o644);
  fs.mkdirSync(runnerRoot, { recursive: true });
  const user = await resolveJobUser({
    setting: undefined,
    hasNpus: false,
    workRoot: runnerRoot,
    log: () => {},
  });
  if (isRoot) expect(user?.name).toBe("nobody");
  // Slot uids of their own, so that no other test's jobs share them.
  executor = createShellExecutor({ user, uidBase: 3_700_000 });
}, 60_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Runs a Space-like job: its files, the `python-env` step, then `check` in the work dir. */
async function runSpace(input: { id: number; key: string; wheel: string | null; check: string }) {
  const files = input.wheel
    ? `mkdir src && cp ${fixtures}/tiny_strata-${input.wheel}-py3-none-any.whl src/ && echo './tiny_strata-${input.wheel}-py3-none-any.whl' > src/requirements.txt`
    : "mkdir src && echo 'print(1)' > src/app.py";
  const steps: JobStep[] = [
    { type: "script", script: files },
    { type: "python-env", key: input.key, requirements: "src/requirements.txt" },
    { type: "script", script: input.check },
  ];
  const client = new FakeClient();
  const running = startJob(
    payload({
      id: input.id,
      kind: "space-run",
      timeoutSeconds: 600,
      spec: { env: { PIP_NO_INDEX: "1" }, steps },
    }),
    {
      client: client.asClient(),
      executor,
      run: spawnInProcessGroup,
      allocator: new NpuAllocator([]),
      runnerName: "local",
      workRoot: runnerRoot,
      killGraceMs: 2_000,
      logIntervalMs: 50,
    },
  );
  const result = await running.done;
  return { result, log: client.log.toString() };
}

const envs = (key: string) => {
  const dir = path.join(runnerRoot, "python-envs", key);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

const useEnv = () =>
  [
    `.venv/bin/python -c 'import tiny_strata; print("tiny", tiny_strata.VALUE)'`,
    // Its scripts name this job's copy (the venv was built elsewhere).
    ".venv/bin/pip --version > /dev/null && echo pip-runs",
    "{ echo x >> .venv/pyvenv.cfg; } 2>/dev/null || echo env-read-only",
    "{ echo x > .venv/lib/own-file; } 2>/dev/null && echo copy-dirs-own",
    `ls ${runnerRoot}/python-envs > /dev/null 2>&1 || echo cache-hidden`,
  ].join("\n");

describe("a Space's Python environment on a shell runner", () => {
  it("is installed once and reused while the requirements and Python stay the same", async () => {
    const first = await runSpace({ id: 501, key: "space-7", wheel: "1", check: useEnv() });
    expect(first.result.outcome, first.log).toBe("succeeded");
    expect(first.log).toContain("installing src/requirements.txt into a new Python environment");
    expect(first.log).toContain("Successfully installed tiny-strata-1");
    expect(first.log).toContain("tiny 1\npip-runs\nenv-read-only\ncopy-dirs-own\n");
    const published = envs("space-7");
    expect(published).toHaveLength(1);
    expect(
      fs.existsSync(
        path.join(runnerRoot, "python-envs", "space-7", published[0]!, ".strata-ready"),
      ),
    ).toBe(true);
    expect(fs.statSync(path.join(runnerRoot, "python-envs")).mode & 0o777).toBe(0o700);

    const second = await runSpace({ id: 502, key: "space-7", wheel: "1", check: useEnv() });
    expect(second.result.outcome, second.log).toBe("succeeded");
    expect(second.log).toContain(`reusing the Python environment ${published[0]!.slice(0, 12)}`);
    // No pip install ran: no venv was made and nothing was installed.
    expect(second.log).not.toContain("installing");
    expect(second.log).not.toContain("Successfully installed");
    expect(second.log).toContain("tiny 1\npip-runs\nenv-read-only\ncopy-dirs-own\n");
    if (isRoot) expect(second.log).toContain("cache-hidden\n");
    // The job's copy went with the job; the published one stays as it was.
    expect(envs("space-7")).toEqual(published);

    // New requirements: a new environment, and the old one is removed.
    const third = await runSpace({ id: 503, key: "space-7", wheel: "2", check: useEnv() });
    expect(third.result.outcome, third.log).toBe("succeeded");
    expect(third.log).toContain("Successfully installed tiny-strata-2");
    expect(third.log).toContain("tiny 2\n");
    const republished = envs("space-7");
    expect(republished).toHaveLength(1);
    expect(republished).not.toEqual(published);
  }, 600_000);

  it("makes none for a Space without requirements", async () => {
    const { result, log } = await runSpace({
      id: 504,
      key: "space-8",
      wheel: null,
      check: "test -e .venv || echo no-venv",
    });
    expect(result.outcome, log).toBe("succeeded");
    expect(log).toContain("src/requirements.txt lists no packages");
    expect(log).toContain("no-venv\n");
    expect(fs.existsSync(path.join(runnerRoot, "python-envs", "space-8"))).toBe(false);
  }, 120_000);
});
