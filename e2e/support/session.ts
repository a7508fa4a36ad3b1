import { expect, type Page } from "@playwright/test";

import type { TestUser } from "./cli";

/** Signs in through next-auth's endpoints (no form), so specs start signed in quickly. */
export async function signInViaApi(page: Page, user: TestUser): Promise<void> {
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: {
      csrfToken: csrf.csrfToken,
      username: user.username,
      password: user.password,
      json: "true",
    },
  });
  expect(response.ok()).toBeTruthy();
  const session = (await (await page.request.get("/api/auth/session")).json()) as {
    user?: { id?: string };
  };
  expect(session.user?.id, "the session cookie should be set").toBeTruthy();
}
