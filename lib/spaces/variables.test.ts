import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { getDb } from "@/db/client";
import { findJobRecord } from "@/db/queries/jobs";
import { findSpaceBuild } from "@/db/queries/spaces";
import { spaceVariables } from "@/db/schema";
import { commitChanges } from "@/lib/hub";
import type { JobStep } from "@/lib/jobs/protocol";
import { refOf } from "@/lib/repos/access";
import { sessionCaller } from "@/test/factories";
import { makeAccount, makeHubRepo } from "@/test/hf";
import { author } from "@/test/hub";

import { openSecretValue } from "./secret-box";
import { isReservedVariableName, variableNameSchema, variableValueSchema } from "./variable-rules";
import { loadSpaceVariables, removeSpaceVariable, setSpaceVariable } from "./variables";

/** A gradio Space that builds (its head commit has a card with a base environment and app.py). */
async function gradioSpace() {
  const owner = await makeAccount();
  const { record, address } = await makeHubRepo(owner, { type: "space" });
  await commitChanges({
    repo: address,
    branch: "main",
    author,
    message: "card",
    operations: [
      {
        kind: "file",
        path: "README.md",
        source: { content: "---\nsdk: gradio\nbase_image: localhost:3000/base/py:3.11\n---\n" },
      },
    ],
  });
  return { owner, caller: sessionCaller(owner), record, address: refOf(record) };
}

async function buildSteps(repoId: number) {
  const build = (await findSpaceBuild(repoId))!;
  const job = (await findJobRecord(build.buildJobId!))!;
  return { jobId: job.id, steps: (job.spec as { steps: JobStep[] }).steps, spec: job.spec };
}

describe("Space variable names and values", () => {
  it("accept letters, digits and _ not starting with a digit", () => {
    for (const name of ["MODEL_ID", "_X", "hf_token", "A1"]) {
      expect(variableNameSchema.safeParse(name).success, name).toBe(true);
    }
  });

  it("refuse other names, and names the platform sets", () => {
    for (const name of ["", "1ABC", "MY-VAR", "my.var", "A B", "X=Y", "É", "A".repeat(65)]) {
      expect(variableNameSchema.safeParse(name).success, name).toBe(false);
    }
    for (const name of ["SPACE_ID", "SYSTEM", "GRADIO_SERVER_PORT", "gradio_x", "PORT", "PATH"]) {
      expect(isReservedVariableName(name), name).toBe(true);
      expect(variableNameSchema.safeParse(name).success, name).toBe(false);
    }
    expect(variableNameSchema.safeParse("STRATA_JOB_TOKEN").success).toBe(false);
    expect(isReservedVariableName("HF_TOKEN")).toBe(false);
  });

  it("refuse an empty value, one over 4096 characters, and a NUL", () => {
    expect(variableValueSchema.safeParse("x".repeat(4096)).success).toBe(true);
    expect(variableValueSchema.safeParse("").success).toBe(false);
    expect(variableValueSchema.safeParse("x".repeat(4097)).success).toBe(false);
    expect(variableValueSchema.safeParse("a\0b").success).toBe(false);
  });
});

describe("Space variables and secrets", () => {
  it("keep a secret's value sealed: Settings lists its name only, and only the server opens it", async () => {
    const { caller, record, address } = await gradioSpace();
    await setSpaceVariable(caller, address, { kind: "variable", name: "MODEL_ID", value: "a/b" });
    await setSpaceVariable(caller, address, { kind: "secret", name: "API_KEY", value: "s3cr3t" });
    const listed = await loadSpaceVariables(caller, address);
    expect(listed).toEqual([
      { name: "API_KEY", kind: "secret", value: null, updatedAt: expect.any(Date) },
      { name: "MODEL_ID", kind: "variable", value: "a/b", updatedAt: expect.any(Date) },
    ]);
    expect(JSON.stringify(listed)).not.toContain("s3cr3t");

    const row = getDb()
      .select()
      .from(spaceVariables)
      .where(eq(spaceVariables.name, "API_KEY"))
      .get()!;
    expect(row.value).toBeNull();
    expect(row.sealedValue).not.toContain("s3cr3t");
    expect(openSecretValue(record.id, "API_KEY", row.sealedValue!)).toBe("s3cr3t");
    // Sealed for this Space and name: copied elsewhere it does not open.
    expect(() => openSecretValue(record.id, "OTHER", row.sealedValue!)).toThrow();
    expect(() => openSecretValue(record.id + 1, "API_KEY", row.sealedValue!)).toThrow();

    // "Replace value" seals the new one; the name stays a secret.
    await setSpaceVariable(caller, address, { kind: "secret", name: "API_KEY", value: "n3w" });
    const replaced = getDb()
      .select({ sealed: spaceVariables.sealedValue })
      .from(spaceVariables)
      .where(eq(spaceVariables.name, "API_KEY"))
      .get()!;
    expect(openSecretValue(record.id, "API_KEY", replaced.sealed!)).toBe("n3w");
  });

  it("refuse a name that is already the other kind, and more than 100 entries", async () => {
    const { caller, address } = await gradioSpace();
    await setSpaceVariable(caller, address, { kind: "secret", name: "TOKEN", value: "x" });
    await expect(
      setSpaceVariable(caller, address, { kind: "variable", name: "TOKEN", value: "y" }),
    ).rejects.toMatchObject({ code: "conflict", fieldErrors: { name: [expect.any(String)] } });
    for (let i = 1; i < 100; i++) {
      await setSpaceVariable(caller, address, { kind: "secret", name: `S${i}`, value: "x" });
    }
    await expect(
      setSpaceVariable(caller, address, { kind: "secret", name: "ONE_MORE", value: "x" }),
    ).rejects.toMatchObject({ code: "conflict" });
    // Replacing a value is not a new entry.
    await setSpaceVariable(caller, address, { kind: "secret", name: "S1", value: "y" });
  });

  it("are for the Space's writers only", async () => {
    const { address } = await gradioSpace();
    const stranger = sessionCaller(await makeAccount());
    await expect(loadSpaceVariables(stranger, address)).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(
      setSpaceVariable(stranger, address, { kind: "variable", name: "A", value: "b" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(
      removeSpaceVariable(stranger, address, { kind: "variable", name: "A" }),
    ).rejects.toMatchObject({ code: "forbidden" });

    const owner = await makeAccount();
    const { record } = await makeHubRepo(owner, { type: "space", isPrivate: true });
    await expect(loadSpaceVariables(stranger, refOf(record))).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("build the head again when a variable changes, with the variables as build args, never the secrets", async () => {
    const { caller, record, address } = await gradioSpace();
    const before = await buildSteps(record.id);

    const secret = await setSpaceVariable(caller, address, {
      kind: "secret",
      name: "API_KEY",
      value: "s3cr3t",
    });
    expect(secret.rebuildJobId).toBeNull();
    expect((await buildSteps(record.id)).jobId).toBe(before.jobId);

    const { rebuildJobId } = await setSpaceVariable(caller, address, {
      kind: "variable",
      name: "GREETING",
      value: "it's me",
    });
    const after = await buildSteps(record.id);
    expect(after.jobId).toBe(rebuildJobId);
    expect(after.jobId).not.toBe(before.jobId);
    const [fetch, build] = after.steps;
    expect(fetch?.type === "script" && fetch.script).toContain("ARG GREETING\n");
    expect(fetch?.type === "script" && fetch.script).toContain("ENV GREETING=$GREETING\n");
    expect(build).toMatchObject({ type: "build", buildArgs: { GREETING: "it's me" } });
    expect(JSON.stringify(after.spec)).not.toContain("s3cr3t");
    expect(JSON.stringify(after.spec)).not.toContain("API_KEY");

    await removeSpaceVariable(caller, address, { kind: "variable", name: "GREETING" });
    const removed = await buildSteps(record.id);
    expect(removed.jobId).not.toBe(after.jobId);
    expect(removed.steps[1]).not.toHaveProperty("buildArgs");
    await expect(
      removeSpaceVariable(caller, address, { kind: "variable", name: "GREETING" }),
    ).rejects.toMatchObject({ code: "not_found" });
    // The secret is still there: deleting it by the wrong kind changes nothing.
    await expect(
      removeSpaceVariable(caller, address, { kind: "variable", name: "API_KEY" }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
