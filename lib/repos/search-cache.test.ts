import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";

import { databaseFile } from "@/db/client";
import { commitChanges } from "@/lib/hub";
import { sessionCaller } from "@/test/factories";
import { makeAccount, makeHubRepo, type TestAccount } from "@/test/hf";
import { author } from "@/test/hub";

import { refOf } from "./access";
import { deleteRepo, updateRepo } from "./manage";
import { searchRepos } from "./search";

async function writeCard(record: Parameters<typeof refOf>[0], license: string) {
  await commitChanges({
    repo: refOf(record),
    branch: "main",
    author,
    message: "Card",
    operations: [
      {
        kind: "file",
        path: "README.md",
        source: { content: `---\nlicense: ${license}\n---\n# Model\n` },
      },
    ],
  });
}

/** The total and the license counts of one owner's models, as a visitor or the owner sees them. */
async function counts(owner: TestAccount, asOwner = false) {
  const result = await searchRepos(asOwner ? sessionCaller(owner) : null, {
    type: "model",
    owner: owner.name,
    withFacets: true,
    facets: ["license"],
  });
  return { total: result.total, license: result.facets?.license };
}

describe("cached list totals and facet counts", () => {
  it("follow every change that alters what a list matches", async () => {
    const owner = await makeAccount();
    const a = await makeHubRepo(owner);
    await writeCard(a.record, "mit");
    expect(await counts(owner)).toEqual({ total: 1, license: [{ value: "mit", count: 1 }] });
    // Asked again with nothing changed: the same answer.
    expect(await counts(owner)).toEqual({ total: 1, license: [{ value: "mit", count: 1 }] });

    // A new card re-indexes the labels.
    await writeCard(a.record, "apache-2.0");
    expect(await counts(owner)).toEqual({ total: 1, license: [{ value: "apache-2.0", count: 1 }] });

    // A new repository.
    const b = await makeHubRepo(owner);
    await writeCard(b.record, "mit");
    expect(await counts(owner)).toEqual({
      total: 2,
      license: [
        { value: "apache-2.0", count: 1 },
        { value: "mit", count: 1 },
      ],
    });

    // Visibility: the visitor stops counting it, its owner still does.
    await updateRepo(sessionCaller(owner), b.address, { isPrivate: true });
    expect(await counts(owner)).toEqual({ total: 1, license: [{ value: "apache-2.0", count: 1 }] });
    expect((await counts(owner, true)).total).toBe(2);

    // Deletion.
    await deleteRepo(sessionCaller(owner), a.address);
    expect(await counts(owner)).toEqual({ total: 0, license: [] });
    expect(await counts(owner, true)).toEqual({ total: 1, license: [{ value: "mit", count: 1 }] });
  });

  it("follow writes made by another connection, and serve the cache while nothing moved", async () => {
    const owner = await makeAccount();
    const { record } = await makeHubRepo(owner);
    await writeCard(record, "mit");
    expect((await counts(owner)).license).toEqual([{ value: "mit", count: 1 }]);

    // Another process (the CLI, a second server) adds a label: its trigger moves the version.
    const other = new Database(databaseFile());
    other
      .prepare("INSERT INTO repo_labels (repo_id, facet, value) VALUES (?, 'license', 'other')")
      .run(record.id);
    expect((await counts(owner)).license).toEqual([
      { value: "mit", count: 1 },
      { value: "other", count: 1 },
    ]);

    // Without the trigger, the same kind of write goes unseen: proof that the answer was cached…
    other.exec("DROP TRIGGER repo_list_labels_insert");
    other
      .prepare("INSERT INTO repo_labels (repo_id, facet, value) VALUES (?, 'license', 'zlib')")
      .run(record.id);
    expect((await counts(owner)).license).toHaveLength(2);
    // …and that the version alone decides when it is recomputed.
    other.exec("UPDATE repo_list_version SET version = version + 1 WHERE id = 1");
    expect((await counts(owner)).license).toHaveLength(3);
    other.close();
  });
});
