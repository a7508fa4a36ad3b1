import { expect, type Page } from "@playwright/test";

export type NewRepoOptions = { task?: string; frameworks?: string[] };

/**
 * Creates a repository through the create form, as a person does, and waits for its page.
 * Returns the page path (`/models/{owner}/{name}`).
 */
export async function createRepoInBrowser(
  page: Page,
  input: { type: "model" | "dataset"; owner: string; name: string } & NewRepoOptions,
): Promise<string> {
  await page.goto(`/${input.type}s/new`);
  await page.getByLabel("Name", { exact: true }).fill(input.name);
  if (input.task) await page.getByLabel("Task").selectOption(input.task);
  for (const framework of input.frameworks ?? [])
    await page.getByLabel(framework, { exact: true }).check();
  await page.getByRole("button", { name: `Create ${input.type}` }).click();
  await expect(page.getByTestId("repo-title")).toHaveText(input.name);
  return `/${input.type}s/${input.owner}/${input.name}`;
}
