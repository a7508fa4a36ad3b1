import type { APIRequestContext } from "@playwright/test";

import { createToken, uniqueName, type TestUser } from "./support/cli";
import { expect, test } from "./support/fixtures";

/** A repository created through the HF API, with `frontMatter` as its card, committed in the browser session. */
async function repoWithCard(
  request: APIRequestContext,
  user: TestUser,
  input: { type: "model" | "space"; sdk?: string; frontMatter: string },
): Promise<string> {
  const token = await createToken(user.username, "write");
  const name = uniqueName(input.type === "space" ? "s" : "m");
  const created = await request.post("/hf/api/repos/create", {
    headers: { Authorization: `Bearer ${token}` },
    data: { name, type: input.type, ...(input.sdk ? { sdk: input.sdk } : {}) },
  });
  expect(created.ok()).toBe(true);
  const committed = await request.post(
    `/api/repos/${input.type}s/${user.username}/${name}/commit`,
    {
      data: {
        branch: "main",
        operations: [
          {
            kind: "content",
            path: "README.md",
            content: `---\n${input.frontMatter}\n---\n# Card\n`,
            // The new repository has a README already: this commit replaces it.
            replace: true,
          },
        ],
      },
    },
  );
  expect(committed.status()).toBe(201);
  return `${user.username}/${name}`;
}

test("/spaces lists Space cards, filtered by SDK and hardware, and the home page and profile show them", async ({
  page,
  signedIn,
}) => {
  const chat = await repoWithCard(page.request, signedIn, {
    type: "space",
    sdk: "gradio",
    frontMatter:
      "title: Chat demo\nemoji: 🤖\ncolorFrom: pink\ncolorTo: purple\nsdk: gradio\nhardware: npu-basic\nshort_description: Talk to a model",
  });
  const site = await repoWithCard(page.request, signedIn, {
    type: "space",
    frontMatter: "title: Plain page\nemoji: 📄\nsdk: static\nhardware: cpu-basic",
  });

  await page.goto(`/spaces?owner=${signedIn.username}`);
  await expect(page.getByTestId("result-count")).toHaveText("2 results");
  const card = page.locator(`[data-testid="repo-card-item"][data-repo="${chat}"]`);
  await expect(card.getByTestId("space-emoji")).toHaveText("🤖");
  await expect(card.getByRole("heading", { name: "Chat demo" })).toBeVisible();
  await expect(card.getByText("Talk to a model")).toBeVisible();
  // No base environment in the card: the list says it cannot be built.
  await expect(card.getByText("Cannot be built")).toBeVisible();
  await expect(card).toHaveCSS("background-image", /linear-gradient\(135deg, rgb\(244, 114, 182\)/);
  // Spaces are not downloaded, so they are not sorted by downloads.
  await expect(page.getByLabel("Sort").locator("option")).toHaveText([
    "Most likes",
    "Recently updated",
    "Recently created",
    "Name",
  ]);

  const sdk = page.getByRole("group", { name: "SDK" });
  await sdk.getByRole("link", { name: /^gradio/ }).click();
  await expect(page).toHaveURL(/[?&]sdk=gradio/);
  await expect(page.getByTestId("result-count")).toHaveText("1 result");
  await expect(page.getByTestId("repo-list")).toContainText("Chat demo");
  await page.goto(`/spaces?owner=${signedIn.username}&hardware=cpu-basic`);
  await expect(page.getByTestId("result-count")).toHaveText("1 result");
  await expect(page.locator(`[data-repo="${site}"]`)).toBeVisible();

  await page.goto(`/${signedIn.username}`);
  const profile = page.getByTestId("profile-spaces");
  await expect(profile.getByTestId("space-emoji")).toHaveCount(2);
  await expect(profile).toContainText("Chat demo");
  await page.goto("/");
  await expect(
    page.getByTestId("home-new-spaces").getByTestId("space-emoji").first(),
  ).toBeVisible();

  // The HF API finds Spaces by SDK, as the Hub does.
  const api = await page.request.get(`/hf/api/spaces?author=${signedIn.username}&filter=gradio`);
  expect(((await api.json()) as { id: string }[]).map((r) => r.id)).toEqual([chat]);
});

test("a card's tags are chips on its page and in lists, a filter and an HF API filter", async ({
  page,
  signedIn,
}) => {
  const tag = uniqueName("qwen-");
  const tagged = await repoWithCard(page.request, signedIn, {
    type: "model",
    frontMatter: `tags: [${tag}, ascend-910b]`,
  });
  await repoWithCard(page.request, signedIn, { type: "model", frontMatter: "license: mit" });

  await page.goto(`/models/${tagged}`);
  await expect(page.getByTestId("card-chips")).toContainText(`Tag: ${tag}`);
  await page
    .getByTestId("card-chips")
    .getByRole("link", { name: `Tag: ${tag}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/models\\?tag=${tag}$`));
  await expect(page.getByTestId("result-count")).toHaveText("1 result");
  const item = page.locator(`[data-testid="repo-card-item"][data-repo="${tagged}"]`);
  await expect(item.getByRole("link", { name: "#ascend-910b" })).toBeVisible();

  await page.goto(`/models?owner=${signedIn.username}`);
  await expect(page.getByTestId("result-count")).toHaveText("2 results");
  await page
    .getByRole("group", { name: "Tags" })
    .getByRole("link", { name: /^ascend-910b/ })
    .click();
  await expect(page).toHaveURL(/[?&]tag=ascend-910b/);
  await expect(page.getByTestId("result-count")).toHaveText("1 result");

  const api = await page.request.get(`/hf/api/models?filter=${tag}`);
  expect(((await api.json()) as { id: string }[]).map((r) => r.id)).toEqual([tagged]);
});
