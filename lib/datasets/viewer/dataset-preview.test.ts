import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { getPathInfo } from "@/lib/hub";
import { datasetWith } from "@/test/datasets";
import { sessionCaller } from "@/test/factories";
import { makeAccount } from "@/test/hf";

import { CsvRecords } from "./csv-records";
import { datasetRows, datasetSplits, previewDataFile, previewDataset } from "./dataset-preview";

// 60 rows in two row groups of 30 (id int64, text utf8, score double, ok boolean); see make-parquet.py.
const parquet = readFileSync("test/fixtures/rows.parquet");

describe("the dataset viewer", () => {
  it("pages through a Parquet split across row groups, reading the file from the LFS store", async () => {
    const { ref, commit } = await datasetWith({
      "data/train-00000.parquet": parquet,
      "data/test.csv": 'q,a\n"x, y",1\n',
    });
    const { entry } = await getPathInfo(ref, { rev: commit, path: "data/train-00000.parquet" });
    expect(entry?.lfs).toBeTruthy();
    const first = await previewDataset(ref, commit, { offset: 0 });
    expect(first?.splits).toEqual([
      { config: "default", split: "train", files: 1 },
      { config: "default", split: "test", files: 1 },
    ]);
    expect(first?.page.columns).toEqual([
      { name: "id", dtype: "int64" },
      { name: "text", dtype: "string" },
      { name: "score", dtype: "float64" },
      { name: "ok", dtype: "bool" },
    ]);
    expect(first?.page.total).toBe(60);
    expect(first?.page.rows).toHaveLength(50);
    const second = await previewDataset(ref, commit, { split: "train", offset: 25 });
    expect(second?.page.rows.slice(4, 6)).toEqual([
      { rowIdx: 29, row: { id: 29, text: "row 29", score: 7.25, ok: false }, truncated: [] },
      { rowIdx: 30, row: { id: 30, text: "row 30", score: 7.5, ok: true }, truncated: [] },
    ]);
    expect(second?.page.rows.at(-1)?.rowIdx).toBe(59);
  });

  it("types CSV columns, keeps quoted delimiters and newlines, and numbers rows across files", async () => {
    const { ref, commit } = await datasetWith({
      "train/part-1.csv": 'id,text,score\n1,"hello, world",0.5\n2,"two\nlines",1\n',
      "train/part-2.csv": "id,text,score\n3,plain,2\n",
      "valid.jsonl": '{"q": "a", "n": 1}\n{"q": "b", "n": 2.5, "extra": [1]}\n',
    });
    const train = await previewDataset(ref, commit, { split: "train", offset: 1 });
    expect(train?.page.columns).toEqual([
      { name: "id", dtype: "int64" },
      { name: "text", dtype: "string" },
      { name: "score", dtype: "float64" },
    ]);
    expect(train?.page.total).toBe(3);
    expect(train?.page.rows.map((r) => [r.rowIdx, r.row])).toEqual([
      [1, { id: 2, text: "two\nlines", score: 1 }],
      [2, { id: 3, text: "plain", score: 2 }],
    ]);
    const valid = await previewDataset(ref, commit, { split: "validation", offset: 0 });
    expect(valid?.page.columns).toEqual([
      { name: "q", dtype: "string" },
      { name: "n", dtype: "float64" },
      { name: "extra", dtype: "list" },
    ]);
    expect(valid?.page.rows[0]?.row).toEqual({ q: "a", n: 1, extra: null });
  });

  it("shows one file's rows on its page and nothing for files that are not data", async () => {
    const { ref, commit } = await datasetWith({
      "a.tsv": "x\ty\n1\tb\n",
      "notes.txt": "hi",
      "bad.parquet": "PAR1 not really",
      "bad.jsonl": '{"a": 1}\n{oops\n',
    });
    const rows = await previewDataFile(ref, commit, { path: "a.tsv", size: 8 }, 0);
    expect(rows?.rows).toEqual([{ rowIdx: 0, row: { x: 1, y: "b" }, truncated: [] }]);
    expect(await previewDataFile(ref, commit, { path: "notes.txt", size: 2 }, 0)).toBeNull();
    await expect(
      previewDataFile(ref, commit, { path: "bad.parquet", size: 15 }, 0),
    ).rejects.toMatchObject({ code: "unprocessable" });
    await expect(
      previewDataFile(ref, commit, { path: "bad.jsonl", size: 15 }, 0),
    ).rejects.toMatchObject({
      code: "unprocessable",
      message: 'Line 2 of "bad.jsonl" is not valid JSON.',
    });
  });

  it("answers /splits and /rows in the datasets-server shape, and 404 for a private dataset", async () => {
    const { owner, ref } = await datasetWith({ "data/train.parquet": parquet }, true);
    const dataset = `${ref.owner}/${ref.name}`;
    const caller = sessionCaller(owner);
    expect(await datasetSplits(caller, { dataset })).toEqual({
      splits: [{ dataset, config: "default", split: "train" }],
    });
    const page = await datasetRows(caller, {
      dataset,
      config: "default",
      split: "train",
      offset: 58,
      length: 100,
    });
    expect(page.features[0]).toEqual({
      feature_idx: 0,
      name: "id",
      type: { dtype: "int64", _type: "Value" },
    });
    expect(page.rows.map((r) => r.row_idx)).toEqual([58, 59]);
    expect(page.num_rows_total).toBe(60);
    const query = { dataset, config: "default", split: "train", offset: 0, length: 1 };
    await expect(datasetRows(null, query)).rejects.toMatchObject({ code: "not_found" });
    const stranger = sessionCaller(await makeAccount());
    await expect(datasetSplits(stranger, { dataset })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(datasetRows(caller, { ...query, split: "nope" })).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("CsvRecords", () => {
  it("parses records split anywhere between chunks", () => {
    const text = 'a,"b ""q"", c"\r\n"multi\nline",2\n\nlast,row';
    for (let cut = 0; cut <= text.length; cut++) {
      const parser = new CsvRecords(",");
      const records = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut))];
      records.push(parser.end()!);
      expect(records).toEqual([
        ["a", 'b "q", c'],
        ["multi\nline", "2"],
        ["last", "row"],
      ]);
    }
  });
});
