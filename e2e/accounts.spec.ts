import { expect, test } from "@playwright/test";

import { createUser, uniqueName } from "./support/cli";

test("a visitor signs up, creates an organisation, adds a member, and manages an access token", async ({
  page,
  context,
  request,
}) => {
  const member = await createUser({ prefix: "mem" });
  const username = uniqueName("vis");
  const password = "a-long-enough-passphrase";

  // Sign up; the new account is signed in straight away.
  await page.goto("/signup");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("user-menu")).toBeVisible();

  // Sign out, then sign in through the form.
  await page.getByTestId("user-menu").click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/login");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("user-menu")).toBeVisible();

  // Create an organisation and add a member with write access.
  const org = uniqueName("org");
  await page.goto("/organizations/new");
  await page.getByLabel("Organisation name").fill(org);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page).toHaveURL(new RegExp(`/${org}$`));
  await page.getByRole("link", { name: "Manage members" }).click();
  await page.getByLabel("Username").fill(member.username);
  await page.getByLabel("Role", { exact: true }).selectOption("write");
  await page.getByRole("button", { name: "Add member" }).click();
  const memberRow = page.getByTestId("member-row").filter({ hasText: member.username });
  await expect(memberRow).toBeVisible();
  await expect(memberRow.getByRole("combobox")).toHaveValue("write");

  // Create a write token: it is shown once, with a copy button that copies it.
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/settings/tokens");
  await page.getByLabel("Name").fill("e2e upload");
  await page.getByLabel(/^write/).check();
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toContainText("will not be shown again");
  const token = (await shown.getByTestId("copy-text").textContent())!.trim();
  expect(token).toMatch(/^hf_[0-9A-Za-z]{32,}$/);
  await shown.getByRole("button", { name: /Copy/ }).click();
  await expect(shown.getByRole("button", { name: /Copy/ })).toContainText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  const whoami = await request.get("/api/whoami", {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(whoami.status()).toBe(200);
  expect(await whoami.json()).toMatchObject({
    name: username,
    type: "user",
    orgs: [{ name: org, role: "admin" }],
    auth: { type: "token", scope: "write" },
  });

  // After a reload only the prefix is left on the page.
  await page.reload();
  const row = page.getByTestId("token-row").filter({ hasText: "e2e upload" });
  await expect(row).toContainText(token.slice(0, 7));
  await expect(page.getByText(token)).toHaveCount(0);

  // Revoke it: the token stops working at once.
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: /Revoke/ }).click();
  await expect(row).toHaveCount(0);
  const revoked = await request.get("/api/whoami", {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(revoked.status()).toBe(401);
  expect(await revoked.json()).toMatchObject({ error: expect.stringContaining("revoked") });
});
