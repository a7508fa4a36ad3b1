import { describe, expect, it } from "vitest";

import { commitChanges } from "@/lib/hub";
import { sessionCaller } from "@/test/factories";
import { makeAccount, makeHubRepo } from "@/test/hf";
import { author } from "@/test/hub";

import { refOf } from "./access";
import { searchRepos } from "./search";

async function spaceUsing(model: string, isPrivate: boolean) {
  const owner = await makeAccount();
  const { record } = await makeHubRepo(owner, { type: "space", isPrivate });
  await commitChanges({
    repo: refOf(record),
    branch: "main",
    author,
    message: "Use the model",
    operations: [
      {
        kind: "file",
        path: "README.md",
        source: { content: `---\nsdk: static\nmodels:\n  - ${model}\n---\n# Demo\n` },
      },
    ],
  });
  return { owner, record };
}

describe("Spaces using a model", () => {
  it("are found by the models their card names, as far as the visitor may see them", async () => {
    const author = await makeAccount();
    const { record: model } = await makeHubRepo(author);
    const id = `${model.ownerName}/${model.name}`;
    const open = await spaceUsing(id, false);
    const hidden = await spaceUsing(id, true);
    await spaceUsing(`${model.ownerName}/other-model`, false);

    const search = (caller: Parameters<typeof searchRepos>[0]) =>
      searchRepos(caller, { type: "space", filters: { model: id } }).then((r) =>
        r.items.map((item) => item.id).sort(),
      );
    expect(await search(null)).toEqual([open.record.id]);
    expect(await search(sessionCaller(hidden.owner))).toEqual(
      [open.record.id, hidden.record.id].sort(),
    );
  });
});
