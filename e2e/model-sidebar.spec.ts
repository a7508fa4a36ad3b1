import { createToken, createUser, uniqueName } from "./support/cli";
import { expect, test } from "./support/fixtures";

/** A real safetensors file: 8 bytes of header length, the JSON header, then the tensors' bytes. */
function safetensors(): Buffer {
  const header = JSON.stringify({
    __metadata__: { format: "pt" },
    "embed.weight": { dtype: "BF16", shape: [1000, 64], data_offsets: [0, 128_000] },
    "head.bias": { dtype: "F32", shape: [1000], data_offsets: [128_000, 132_000] },
  });
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(Buffer.byteLength(header)));
  return Buffer.concat([length, Buffer.from(header), Buffer.alloc(132_000, 1)]);
}

test("a model page's sidebar shows last month's downloads, the parameter count and tensor types read from its safetensors header, and the files' size", async ({
  page,
  request,
}) => {
  const user = await createUser();
  const auth = { Authorization: `Bearer ${await createToken(user.username, "write")}` };
  const name = uniqueName("weights");
  expect((await request.post("/hf/api/repos/create", { headers: auth, data: { name } })).ok()).toBe(
    true,
  );
  const weights = safetensors();
  const commit = await request.post(`/hf/api/models/${user.username}/${name}/commit/main`, {
    headers: { ...auth, "Content-Type": "application/x-ndjson" },
    data: [
      { key: "header", value: { summary: "weights" } },
      {
        key: "file",
        value: {
          path: "README.md",
          content: Buffer.from("# Tiny\n").toString("base64"),
          encoding: "base64",
        },
      },
      {
        key: "file",
        value: {
          path: "model.safetensors",
          content: weights.toString("base64"),
          encoding: "base64",
        },
      },
    ]
      .map((line) => JSON.stringify(line))
      .join("\n"),
  });
  expect(commit.ok(), await commit.text()).toBe(true);
  // One download today.
  expect(
    (await request.get(`/models/${user.username}/${name}/resolve/main/model.safetensors`)).ok(),
  ).toBe(true);

  await page.goto(`/models/${user.username}/${name}`);
  const sidebar = page.getByTestId("model-sidebar");
  await expect(sidebar.getByTestId("model-parameters")).toHaveText("65K params");
  await expect(sidebar.getByTestId("model-tensor-types")).toHaveText("BF16 · F32");
  await expect(sidebar.getByTestId("downloads-last-month")).toHaveText("1");
  await expect(
    sidebar.getByRole("img", { name: /Downloads per day over the last 30 days, 1 in all/ }),
  ).toBeVisible();
  await expect(sidebar.getByTestId("model-files-size")).toHaveText(/^\d+(\.\d+)? kB$/);

  const info = (await (await request.get(`/hf/api/models/${user.username}/${name}`)).json()) as {
    safetensors?: unknown;
  };
  expect(info.safetensors).toEqual({ parameters: { BF16: 64_000, F32: 1000 }, total: 65_000 });
});
