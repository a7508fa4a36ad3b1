import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { datasetWith } from "@/test/datasets";

import type { DataFile } from "./data-files";
import { readSplitRows } from "./split-rows";

// 60 rows in two row groups of 30 (id, text, score, ok); 2,049 bytes. See make-parquet.py.
const parquet = readFileSync("test/fixtures/rows.parquet");
const roomy = { parquetBytes: 1024 * 1024, textBytes: 1024 * 1024 };

const fileOf = (path: string, content: Buffer | string, format: DataFile["format"]): DataFile => ({
  path,
  size: Buffer.byteLength(content),
  format,
});

describe("the viewer's read caps", () => {
  it("refuses a Parquet page that would read past the cap with a clear error instead of reading on", async () => {
    const { ref, commit } = await datasetWith({
      "a.parquet": parquet,
      "b.parquet": parquet,
      "c.parquet": parquet,
    });
    const a = fileOf("a.parquet", parquet, "parquet");
    const b = fileOf("b.parquet", parquet, "parquet");
    const page = { offset: 0, length: 10 };
    // The same page within a roomy cap: the file itself is readable.
    expect((await readSplitRows(ref, commit, [a], page, roomy)).rows).toHaveLength(10);

    // Smaller than the file's footer read: refused, not parsed as a broken file.
    await expect(
      readSplitRows(ref, commit, [b], page, { ...roomy, parquetBytes: 1_000 }),
    ).rejects.toMatchObject({
      code: "payload_too_large",
      message: '"b.parquet" has row groups too large to preview; download the file to read it.',
    });

    // A footer that fits, and rows that do not: the footer read (the whole small file) leaves
    // too little for the row group, which is refused rather than read.
    const c = fileOf("c.parquet", parquet, "parquet");
    await expect(
      readSplitRows(ref, commit, [c], page, { ...roomy, parquetBytes: parquet.length + 100 }),
    ).rejects.toMatchObject({ code: "payload_too_large" });

    // A page across two files within the cap.
    const spanning = { offset: 50, length: 20 };
    const both = await readSplitRows(ref, commit, [a, b], spanning, roomy);
    expect(both.rows.map((r) => r.rowIdx)).toEqual([...Array(20).keys()].map((i) => 50 + i));
    expect(both.total).toBe(120);
  });

  it("previews the start of a CSV or JSON Lines file past the cap and marks the count as partial", async () => {
    const csv = "id,text\n" + [...Array(100).keys()].map((i) => `${i},"row\n${i}"`).join("\n");
    const jsonl = [...Array(100).keys()].map((i) => JSON.stringify({ id: i })).join("\n");
    const { ref, commit } = await datasetWith({ "a.csv": csv, "b.jsonl": jsonl, "c.csv": csv });
    const small = { ...roomy, textBytes: 200 };

    // The cap cuts the CSV inside a quoted, multi-line field: that record is dropped, not garbled.
    const cut = await readSplitRows(
      ref,
      commit,
      [fileOf("a.csv", csv, "csv")],
      { offset: 0, length: 50 },
      small,
    );
    expect(cut.partial).toBe(true);
    expect(cut.total).toBeGreaterThan(0);
    expect(cut.total).toBeLessThan(100);
    expect(cut.rows.map((r) => r.row)).toEqual(
      [...Array(cut.total).keys()].map((i) => ({ id: i, text: `row\n${i}` })),
    );

    // Rows past the cap are not there; the files after a cut one are not read.
    const past = await readSplitRows(
      ref,
      commit,
      [fileOf("a.csv", csv, "csv"), fileOf("c.csv", csv, "csv")],
      { offset: 90, length: 10 },
      small,
    );
    expect(past).toMatchObject({ rows: [], total: cut.total, partial: true });

    const lines = await readSplitRows(
      ref,
      commit,
      [fileOf("b.jsonl", jsonl, "jsonl")],
      { offset: 0, length: 100 },
      small,
    );
    expect(lines.partial).toBe(true);
    expect(lines.rows.map((r) => r.row)).toEqual(
      [...Array(lines.total).keys()].map((i) => ({ id: i })),
    );
    // Lines 0–9 take 9 bytes each and 10–20 take 10: the 200 bytes hold exactly 21 lines.
    expect(lines.total).toBe(21);

    // Under the cap the same files are whole.
    const whole = await readSplitRows(
      ref,
      commit,
      [fileOf("b.jsonl", jsonl, "jsonl")],
      { offset: 0, length: 100 },
      roomy,
    );
    expect(whole).toMatchObject({ total: 100, partial: false });
  });
});
