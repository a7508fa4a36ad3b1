import { describe, expect, it } from "vitest";

import { listTree, readFileBytes } from "@/lib/hub";
import { parseCard } from "@/lib/hub/card/parse-card";
import { searchRepos } from "@/lib/repos/search";

import { seedAccounts } from "./accounts";
import { demoRepos } from "./demo-repos";
import { seedRepos } from "./repos";

describe("seedRepos", () => {
  it("creates the demo models and datasets once, with files, clean cards and indexed labels", async () => {
    await seedAccounts();
    expect(await seedRepos()).toBe(demoRepos.length);
    expect(await seedRepos()).toBe(0);

    for (const spec of demoRepos) {
      const ref = { type: spec.type, owner: spec.owner, name: spec.name };
      const { entries } = await listTree(ref, { rev: "main", recursive: true });
      expect(entries.filter((e) => e.type === "file").map((e) => e.path)).toEqual(
        expect.arrayContaining(Object.keys(spec.files)),
      );
      const readme = (
        await readFileBytes(ref, { rev: "main", path: "README.md", maxBytes: 100_000 })
      ).data.toString();
      expect(parseCard(readme, { type: spec.type }).warnings, `${spec.owner}/${spec.name}`).toEqual(
        [],
      );
    }
    const npuPyTorch = await searchRepos(null, {
      type: "model",
      filters: { framework: "PyTorch", hardware: "NPU" },
    });
    expect(npuPyTorch.items.map((r) => `${r.ownerName}/${r.name}`).sort()).toEqual([
      "openmind/bert-tiny-zh-ner",
      "openmind/chat-tiny-zh",
    ]);
    expect((await searchRepos(null, { type: "dataset", q: "alpaca" })).total).toBe(1);
    const contract = demoRepos
      .filter((r) => r.type === "model")
      .every((r) => "examples/inference.py" in r.files);
    expect(contract).toBe(true);
  });
});
