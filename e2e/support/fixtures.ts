import { test as base, expect } from "@playwright/test";

import { createUser, type TestUser } from "./cli";
import { signInViaApi } from "./session";

/**
 * The suite's `test`. A spec that asks for `signedIn` gets a new account of its own, already
 * signed in on `page`, so specs never share users and never repeat the sign-in flow.
 */
export const test = base.extend<{ signedIn: TestUser }>({
  signedIn: async ({ page }, provide) => {
    const user = await createUser();
    await signInViaApi(page, user);
    await provide(user);
  },
});

/** Like `test`, but `page` is signed in as a new site administrator. */
export const adminTest = base.extend({
  page: async ({ page }, provide) => {
    await signInViaApi(page, await createUser({ admin: true }));
    await provide(page);
  },
});

export { expect };
