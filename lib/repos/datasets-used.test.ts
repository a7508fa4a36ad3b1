import { describe, expect, it } from "vitest";

import { sessionCaller } from "@/test/factories";
import { makeAccount, makeHubRepo } from "@/test/hf";

import { listDatasetsUsed } from "./datasets-used";

describe("datasets used by a model", () => {
  it("links the datasets hosted here that the visitor may read, and only names the others", async () => {
    const alice = await makeAccount();
    const open = (await makeHubRepo(alice, { type: "dataset" })).record;
    const hidden = (await makeHubRepo(alice, { type: "dataset", isPrivate: true })).record;
    const ids = [
      `${alice.name}/${open.name}`,
      `${alice.name}/${hidden.name}`,
      "squad",
      "nobody/nothing",
    ];
    const stranger = await makeAccount();
    expect(await listDatasetsUsed(sessionCaller(stranger), ids)).toEqual([
      { id: ids[0], href: `/datasets/${alice.name}/${open.name}` },
      { id: ids[1], href: null },
      { id: "squad", href: null },
      { id: "nobody/nothing", href: null },
    ]);
    expect((await listDatasetsUsed(sessionCaller(alice), ids))[1]).toEqual({
      id: ids[1],
      href: `/datasets/${alice.name}/${hidden.name}`,
    });
    expect((await listDatasetsUsed(null, ids))[1]?.href).toBeNull();
  });
});
