// A gradio Space whose serving run is a running space-run job that reported an app's endpoint, as
// the runner would after its health check: for tests of the Space app proxy.
import { getDb } from "@/db/client";
import { jobs, spaces } from "@/db/schema";
import { getConfig } from "@/lib/config";
import { commitChanges } from "@/lib/hub";
import { refOf } from "@/lib/repos/access";
import { encode } from "next-auth/jwt";

import { makeHubRepo, type TestAccount } from "../hf";
import { author } from "../hub";

export async function makeRunningSpace(
  owner: TestAccount,
  options: { isPrivate: boolean; endpoint: string; running?: boolean },
) {
  const { record } = await makeHubRepo(owner, { type: "space", isPrivate: options.isPrivate });
  await commitChanges({
    repo: refOf(record),
    branch: "main",
    author,
    message: "app",
    operations: [
      { kind: "file", path: "README.md", source: { content: "---\nsdk: gradio\n---\n# App\n" } },
    ],
  });
  const now = new Date();
  const [job] = getDb()
    .insert(jobs)
    .values({
      kind: "space-run",
      spec: {},
      requiredLabels: {},
      timeoutSeconds: 3600,
      state: options.running === false ? "failed" : "running",
      resourceType: "repo",
      resourceId: String(record.id),
      grants: {},
      queuedAt: now,
      leaseUntil: new Date(now.getTime() + 3_600_000),
      endpoint: options.endpoint,
    })
    .returning({ id: jobs.id })
    .all();
  getDb()
    .insert(spaces)
    .values({ repoId: record.id, runJobId: job!.id, updatedAt: now })
    .onConflictDoUpdate({ target: spaces.repoId, set: { runJobId: job!.id } })
    .run();
  return { owner: record.ownerName, name: record.name };
}

/** A signed-in browser's cookies: another cookie of the site beside the session. */
export async function sessionCookie(userId: number): Promise<string> {
  const token = await encode({ token: { sub: String(userId) }, secret: getConfig().authSecret });
  return `theme=dark; next-auth.session-token=${token}`;
}
