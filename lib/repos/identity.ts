import "server-only";

import type { Caller } from "@/lib/auth/caller";
import { getConfig } from "@/lib/config";
import type { Identity } from "@/lib/hub/git/identity";

/**
 * The git author of commits a user makes through the site or the API. Account emails are private,
 * so commits carry a no-reply address on this hub's host, as GitHub and HF do.
 */
export function commitIdentity(caller: Pick<Caller, "name" | "displayName">): Identity {
  const host = new URL(getConfig().publicUrl).hostname;
  return { name: caller.displayName || caller.name, email: `${caller.name}@users.noreply.${host}` };
}
