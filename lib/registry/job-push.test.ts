import { beforeAll, describe, expect, it } from "vitest";

import { findRegistryRepository } from "@/db/queries/registry";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { finishJob } from "@/lib/jobs/job-runs";
import { authenticateJobCall } from "@/lib/jobs/job-token";
import { createRepo } from "@/lib/repos/create";
import { sessionCaller } from "@/test/factories";
import { claimFor, makeRunner } from "@/test/jobs/fixtures";

import { setRepositoryVisibility } from "./repositories";
import {
  basic,
  bearer,
  buildImage,
  call,
  errorCode,
  makeAccount,
  pushImage,
  type TestAccount,
} from "./test-support";

let alice: TestAccount;
let space: string;

/** A build job of alice's that pushes her `demo` Space's image, claimed by a runner so that its token is live. */
async function runningBuildJob(push: string[]) {
  const labels = { hardware: "cpu", pool: `registry-${Math.random()}` };
  const runner = await makeRunner({ labels });
  const { id } = await enqueueJob({
    kind: "image-build",
    spec: { steps: [{ type: "script", script: "true" }] },
    labels,
    grants: { push },
    resource: { type: "owner", ownerId: alice.user.id },
    createdBy: alice.user.id,
  });
  const payload = await claimFor(runner);
  expect(payload?.id).toBe(id);
  return { ...payload!, runnerToken: runner.token };
}

async function registryToken(auth: string, ...scopes: string[]) {
  const query = new URLSearchParams([
    ["service", "localhost:3000"],
    ...scopes.map((s) => ["scope", s]),
  ]);
  const response = await call("GET", `/v2/token?${query.toString()}`, { auth });
  expect(response.status).toBe(200);
  return (await response.json()) as { token: string };
}

beforeAll(async () => {
  alice = await makeAccount("write");
  space = `spaces/${alice.user.name}/demo`;
});

describe("Space build jobs in the registry", () => {
  it("push to exactly the spaces/… repository their grant names, with the job token as password", async () => {
    const job = await runningBuildJob([space]);
    const auth = basic("job", job.token);
    const image = buildImage([Buffer.from("space app layer")]);
    expect((await pushImage(space, auth, image, "abc123")).status).toBe(201);
    const created = await findRegistryRepository(space);
    expect(created).toMatchObject({ ownerId: alice.user.id, isPrivate: true });

    // Another Space of the same owner, and the owner's own namespace, are out of its grant.
    for (const other of [`spaces/${alice.user.name}/other`, `${alice.user.name}/app`]) {
      const start = await call("POST", `/v2/${other}/blobs/uploads/`, { auth });
      expect(await errorCode(start)).toBe("DENIED");
    }
    // Users never push Space images, not even the Space's owner.
    const asAlice = await call("POST", `/v2/${space}/blobs/uploads/`, { auth: alice.auth });
    expect(await errorCode(asAlice)).toBe("DENIED");
    // The owner can pull what the build pushed.
    expect((await call("GET", `/v2/${space}/manifests/abc123`, { auth: alice.auth })).status).toBe(
      200,
    );
  });

  it("give a Space's image the Space's visibility when they create its repository", async () => {
    const name = "public-app";
    await createRepo(sessionCaller(alice.user), {
      type: "space",
      owner: alice.user.name,
      name,
      isPrivate: false,
    });
    const target = `spaces/${alice.user.name}/${name}`;
    const job = await runningBuildJob([target]);
    const image = buildImage([Buffer.from("public space layer")]);
    expect((await pushImage(target, basic("job", job.token), image, "c0ffee")).status).toBe(201);
    expect((await findRegistryRepository(target))?.isPrivate).toBe(false);
    expect((await call("GET", `/v2/${target}/manifests/c0ffee`)).status).toBe(200);
  });

  it("get registry tokens for their grant only, and pull public images besides", async () => {
    const job = await runningBuildJob([space]);
    const publicRepo = `${alice.user.name}/base`;
    await pushImage(publicRepo, alice.auth, buildImage([Buffer.from("base layer")]), "v1");
    await setRepositoryVisibility({
      caller: sessionCaller(alice.user),
      name: publicRepo,
      isPrivate: false,
    });
    const privateRepo = `${alice.user.name}/secret`;
    await pushImage(privateRepo, alice.auth, buildImage([Buffer.from("secret layer")]), "v1");

    const { token } = await registryToken(
      basic("job", job.token),
      `repository:${space}:pull,push`,
      `repository:spaces/${alice.user.name}/other:pull,push`,
      `repository:${publicRepo}:pull,push`,
      `repository:${privateRepo}:pull`,
    );
    const claims = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as {
      sub: string;
      access: { name: string; actions: string[] }[];
    };
    expect(claims.sub).toBe(`job:${job.id}`);
    expect(claims.access).toEqual([
      { type: "repository", name: space, actions: ["pull", "push"] },
      { type: "repository", name: publicRepo, actions: ["pull"] },
    ]);

    const image = buildImage([Buffer.from("pushed with a bearer token")]);
    expect((await pushImage(space, bearer(token), image, "def456")).status).toBe(201);
    expect(
      (await call("GET", `/v2/${publicRepo}/manifests/v1`, { auth: bearer(token) })).status,
    ).toBe(200);
    const secret = await call("GET", `/v2/${privateRepo}/manifests/v1`, {
      auth: basic("job", job.token),
    });
    expect(await errorCode(secret)).toBe("NAME_UNKNOWN");
  });

  it("refuse the token once the job has ended, and tokens that were never issued", async () => {
    const job = await runningBuildJob([space]);
    const auth = basic("job", job.token);
    expect((await call("POST", `/v2/${space}/blobs/uploads/`, { auth })).status).toBe(202);

    const view = await authenticateJobCall(
      new Request("http://test/", {
        headers: { "Job-Token": job.token, "Runner-Token": job.runnerToken },
      }),
      job.id,
    );
    await finishJob(view, { attempt: job.attempt, outcome: "succeeded", logSize: 0 });
    const after = await call("POST", `/v2/${space}/blobs/uploads/`, { auth });
    expect(after.status).toBe(401);
    expect(await errorCode(after)).toBe("UNAUTHORIZED");
    const forged = await call("POST", `/v2/${space}/blobs/uploads/`, {
      auth: basic("job", `strjob_${"A".repeat(43)}`),
    });
    expect(forged.status).toBe(401);
    const tokenRequest = await call(
      "GET",
      `/v2/token?service=localhost:3000&scope=repository:${space}:push`,
      { auth },
    );
    expect(tokenRequest.status).toBe(401);
  });
});
