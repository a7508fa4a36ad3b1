import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { cli, createToken, createUser } from "./cli";
import { expect } from "./fixtures";
import { buildBusyboxLayout, pushLayout, registryHost } from "./registry";

/**
 * Makes an image center tag real in this registry: a busybox base pushed by a site admin, so Space
 * builds run for real in seconds.
 */
export async function pushBase(reference: string): Promise<void> {
  const admin = await createUser({ admin: true });
  const token = await createToken(admin.username, "write");
  // The image center's namespace is the base_image organisation's; another spec may have made it.
  await cli("orgs:create", "--name", "base_image", "--owner", admin.username).catch(() => {});
  const [repository, tag] = reference.slice(registryHost.length + 1).split(":");
  const layout = await buildBusyboxLayout(fs.mkdtempSync(path.join(os.tmpdir(), "strata-base-")));
  const pushed = await pushLayout(layout, { user: admin.username, token }, repository!, tag!);
  expect(pushed.ok, pushed.stderr).toBe(true);
}
