import { describe, expect, it } from "vitest";

import { findRepoRecordById } from "@/db/queries/repos";
import { commitChanges } from "@/lib/hub";
import { refOf } from "@/lib/repos/access";
import { makeAccount, makeHubRepo } from "@/test/hf";
import { author } from "@/test/hub";

import { countParameters, loadSafetensorsInfo } from "./safetensors-info";

/** A real safetensors file: 8 bytes of header length, the JSON header, then the tensors' bytes. */
function safetensors(tensors: Record<string, { dtype: string; shape: number[]; bytes: number }>) {
  let offset = 0;
  const header: Record<string, unknown> = { __metadata__: { format: "pt" } };
  for (const [name, t] of Object.entries(tensors)) {
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.bytes] };
    offset += t.bytes;
  }
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([length, json, Buffer.alloc(offset, 7)]);
}

describe("safetensors metadata", () => {
  it("counts parameters per dtype from the headers of every weights file, LFS included", async () => {
    const owner = await makeAccount();
    const { record } = await makeHubRepo(owner);
    await commitChanges({
      repo: refOf(record),
      branch: "main",
      author,
      message: "weights",
      operations: [
        [
          "model-00001-of-00002.safetensors",
          safetensors({ a: { dtype: "F32", shape: [2, 3], bytes: 24 } }),
        ],
        [
          "model-00002-of-00002.safetensors",
          safetensors({
            b: { dtype: "BF16", shape: [4], bytes: 8 },
            c: { dtype: "F32", shape: [5], bytes: 20 },
          }),
        ],
        ["broken.safetensors", Buffer.from("not a safetensors file at all")],
      ].map(([path, content]) => ({
        kind: "file" as const,
        path: path as string,
        source: { content: content as Buffer },
      })),
    });
    const repo = (await findRepoRecordById(record.id))!;
    expect(await loadSafetensorsInfo(refOf(repo), repo.headCommit!)).toEqual({
      parameters: { F32: 11, BF16: 4 },
      total: 15,
    });
  });

  it("is null for a model without safetensors weights", async () => {
    const owner = await makeAccount();
    const { record } = await makeHubRepo(owner);
    const repo = (await findRepoRecordById(record.id))!;
    expect(await loadSafetensorsInfo(refOf(repo), repo.headCommit!)).toBeNull();
  });

  it("ignores the metadata entry and malformed tensors", () => {
    expect(
      countParameters({
        __metadata__: { format: "pt" },
        w: { dtype: "F16", shape: [3, 4] },
        scalar: { dtype: "F16", shape: [] },
        odd: { dtype: 5, shape: [1] },
      }),
    ).toEqual({ F16: 13 });
  });
});
