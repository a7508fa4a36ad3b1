import { describe, expect, it } from "vitest";

import { commitChanges } from "@/lib/hub";
import { sessionCaller } from "@/test/factories";
import { hf, makeAccount, makeHubRepo, type TestAccount } from "@/test/hf";
import { author } from "@/test/hub";

import { refOf } from "../access";
import { listRepos, listTopRepos } from "./list-repos";

async function repoWithCard(
  owner: TestAccount,
  type: "model" | "space",
  frontMatter: string,
): Promise<string> {
  const { record, id } = await makeHubRepo(owner, { type });
  await commitChanges({
    repo: refOf(record),
    branch: "main",
    author,
    message: "Card",
    operations: [
      {
        kind: "file",
        path: "README.md",
        source: { content: `---\n${frontMatter}\n---\n# Card\n` },
      },
    ],
  });
  return id;
}

const ids = (page: { items: { owner: string; name: string }[] }) =>
  page.items.map((item) => `${item.owner}/${item.name}`).sort();

describe("repository lists", () => {
  it("show, count and filter by the card's own tags, in the site and the HF API", async () => {
    const owner = await makeAccount();
    const tag = `qwen-${owner.name}`;
    const tagged = await repoWithCard(owner, "model", `tags: [${tag}, ascend-910b]`);
    const other = await repoWithCard(owner, "model", "license: mit");

    const all = await listRepos(null, "model", { owner: owner.name });
    expect(ids(all)).toEqual([other, tagged].sort());
    expect(all.items.find((i) => `${i.owner}/${i.name}` === tagged)).toMatchObject({
      tags: ["ascend-910b", tag].sort(),
      space: null,
    });
    expect(all.facets.tag).toEqual(
      expect.arrayContaining([
        { value: tag, count: 1 },
        { value: "ascend-910b", count: 1 },
      ]),
    );

    const filtered = await listRepos(null, "model", { owner: owner.name, tag });
    expect(ids(filtered)).toEqual([tagged]);

    const api = await hf("GET", `/api/models?author=${owner.name}&filter=${tag}`);
    expect(((await api.json()) as { id: string }[]).map((r) => r.id)).toEqual([tagged]);
  });

  it("list Spaces with their card look and build, filtered by SDK and hardware", async () => {
    const owner = await makeAccount();
    const gradio = await repoWithCard(
      owner,
      "space",
      "title: Chat demo\nemoji: 🤖\ncolorFrom: pink\ncolorTo: purple\nsdk: gradio\nhardware: npu-basic\nshort_description: Talk to a model\ntags: [demo]",
    );
    const site = await repoWithCard(owner, "space", "sdk: static\nhardware: cpu-basic");

    const all = await listRepos(sessionCaller(owner), "space", { owner: owner.name });
    expect(ids(all)).toEqual([gradio, site].sort());
    expect(all.facets.sdk).toEqual([
      { value: "gradio", count: 1 },
      { value: "static", count: 1 },
    ]);
    expect(all.facets.hardware).toEqual([
      { value: "cpu-basic", count: 1 },
      { value: "npu-basic", count: 1 },
    ]);
    // Models' filters that Spaces do not have are not counted.
    expect(all.facets.library).toEqual([]);
    const card = all.items.find((i) => `${i.owner}/${i.name}` === gradio)!;
    expect(card).toMatchObject({
      tags: ["demo"],
      space: {
        sdk: "gradio",
        title: "Chat demo",
        emoji: "🤖",
        colorFrom: "pink",
        colorTo: "purple",
        shortDescription: "Talk to a model",
        // No base environment: it cannot be built, and the list says so.
        buildState: "config_error",
      },
    });
    expect(all.items.find((i) => `${i.owner}/${i.name}` === site)?.space).toMatchObject({
      sdk: "static",
      title: null,
      buildState: "none",
    });

    expect(ids(await listRepos(null, "space", { owner: owner.name, sdk: "gradio" }))).toEqual([
      gradio,
    ]);
    expect(
      ids(await listRepos(null, "space", { owner: owner.name, hardware: "cpu-basic" })),
    ).toEqual([site]);
    // A filter the kind does not offer changes nothing.
    expect(ids(await listRepos(null, "space", { owner: owner.name, library: "x" }))).toHaveLength(
      2,
    );

    // The home and profile pages' short lists carry the same cards.
    const top = await listTopRepos(null, {
      type: "space",
      owner: owner.name,
      sort: "created",
      limit: 5,
    });
    expect(top.items.map((i) => i.space?.emoji)).toContain("🤖");

    // The HF API tags a Space with its SDK, as the Hub does.
    const api = await hf("GET", `/api/spaces?author=${owner.name}&filter=gradio`);
    expect(((await api.json()) as { id: string }[]).map((r) => r.id)).toEqual([gradio]);
  });
});
