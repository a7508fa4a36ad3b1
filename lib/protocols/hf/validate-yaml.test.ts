import { describe, expect, it } from "vitest";

import { hf, makeAccount } from "@/test/hf";

type Validation = {
  error?: string;
  errors: { message: string }[];
  warnings: { message: string }[];
};

async function validate(content: string, init: { token?: string; repoType?: string } = {}) {
  const response = await hf("POST", "/api/validate-yaml", {
    token: init.token,
    json: { content, repoType: init.repoType ?? "model" },
  });
  return { status: response.status, body: (await response.json()) as Validation };
}

// The body and the fields read are those of huggingface_hub's HfApi._validate_yaml, which every
// upload_file/upload_folder/create_commit with a README.md calls first.
describe("HF API: POST /api/validate-yaml", () => {
  it("accepts good front matter with no warnings, from a token or anonymously", async () => {
    const owner = await makeAccount();
    const card = "---\nlicense: mit\ntags:\n  - demo\n---\n# Hello\n";
    expect(await validate(card, { token: owner.write })).toEqual({
      status: 200,
      body: { errors: [], warnings: [] },
    });
    expect((await validate(card, { repoType: "dataset" })).status).toBe(200);
  });

  it("warns about missing metadata and ignored values, and still answers 200", async () => {
    const bare = await validate("# Just text\n");
    expect(bare.status).toBe(200);
    expect(bare.body.warnings).toHaveLength(1);
    expect(bare.body.warnings[0]!.message).toMatch(/no YAML metadata/);
    const ignored = await validate('---\nbase_model: "not a repo id"\n---\n');
    expect(ignored.status).toBe(200);
    expect(ignored.body.errors).toEqual([]);
    expect(ignored.body.warnings.map((w) => w.message).join()).toMatch(/base_model/);
  });

  it("refuses front matter that cannot be read with 400 and the errors", async () => {
    const broken = await validate("---\nlicense: [mit\n---\n# Hi\n");
    expect(broken.status).toBe(400);
    expect(broken.body.errors).toHaveLength(1);
    expect(broken.body.errors[0]!.message).toMatch(/YAML front matter is invalid/);
    expect(broken.body.error).toMatch(/Invalid metadata/);
    const list = await validate("---\n- a\n- b\n---\n");
    expect(list.status).toBe(400);
    expect(list.body.errors[0]!.message).toMatch(/key: value/);
  });

  it("refuses a body without content, and other methods", async () => {
    const missing = await hf("POST", "/api/validate-yaml", { json: { repoType: "model" } });
    expect(missing.status).toBe(400);
    expect((await hf("GET", "/api/validate-yaml")).status).toBe(405);
  });
});
