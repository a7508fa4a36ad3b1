import { expect, test } from "@playwright/test";

import { cli, createUser, uniqueName } from "./support/cli";
import { signInViaApi } from "./support/session";

test.describe("bad input is refused with a clear message and changes nothing", () => {
  test("sign-up: duplicate name (any case), reserved name, weak password", async ({ page }) => {
    const existing = await createUser();
    await page.goto("/signup");
    const attempt = async (username: string, password: string) => {
      await page.getByLabel("Username").fill(username);
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Create account" }).click();
    };
    await attempt(existing.username.toUpperCase(), "a-fine-password");
    await expect(page.getByText("This name is already taken.")).toBeVisible();
    await attempt("settings", "a-fine-password");
    await expect(page.getByText("This name is reserved.")).toBeVisible();
    const fresh = uniqueName("weak");
    await attempt(fresh, "password123");
    await expect(page.getByText("This password is too common.")).toBeVisible();
    await expect(page.getByTestId("user-menu")).toHaveCount(0);
    expect(await cli("users:list")).not.toContain(fresh);
  });

  test("sign-in: wrong password is refused", async ({ page }) => {
    const user = await createUser();
    await page.goto("/login");
    await page.getByLabel("Username").fill(user.username);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Wrong username or password." }),
    ).toBeVisible();
    await expect(page.getByTestId("user-menu")).toHaveCount(0);
  });

  test("an expired session cannot run a server action", async ({ page, context }) => {
    const user = await createUser();
    await signInViaApi(page, user);
    await page.goto("/settings/tokens");
    await page.getByLabel("Name").fill("never created");
    // The session ends while the form is open.
    await context.clearCookies();
    await page.getByRole("button", { name: "Create token" }).click();
    await expect(
      page.getByText("Your session has ended. Sign in again to continue."),
    ).toBeVisible();
    await signInViaApi(page, user);
    await page.goto("/settings/tokens");
    await expect(page.getByText("No access tokens")).toBeVisible();
  });

  test("a forged or malformed token gets 401 from the API", async ({ request }) => {
    for (const header of [
      "Bearer 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0000000",
      "Bearer not-a-token",
      `Basic ${Buffer.from("user:hf_forgedforgedforgedforgedforgedforged").toString("base64")}`,
    ]) {
      const response = await request.get("/api/whoami", { headers: { Authorization: header } });
      expect(response.status()).toBe(401);
      expect(((await response.json()) as { error?: string }).error).toBeTruthy();
    }
    expect((await request.get("/api/whoami")).status()).toBe(401);
  });

  test("a non-admin cannot manage members and the last admin cannot leave", async ({ page }) => {
    const owner = await createUser();
    const org = uniqueName("org");
    await cli("orgs:create", "--name", org, "--owner", owner.username);
    await signInViaApi(page, owner);
    await page.goto(`/organizations/${org}/members`);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Leave organisation" }).click();
    await expect(page.getByText("An organisation needs at least one admin.")).toBeVisible();

    const outsider = await createUser();
    await page.context().clearCookies();
    await signInViaApi(page, outsider);
    await page.goto(`/organizations/${org}/members`);
    await expect(
      page.getByText("Only admins of this organisation can manage its members."),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);
  });
});
