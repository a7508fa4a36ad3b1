import "server-only";

import { notifyRepoChanged, type RefUpdate, type RepoRef } from "@/lib/hub";
import { runGit } from "@/lib/hub/git/run";

import type { PushCommand } from "./receive-commands";

/** The commands of a push that took effect: the ref now points where the client asked (or is gone). */
async function appliedCommands(gitDir: string, commands: PushCommand[]): Promise<RefUpdate[]> {
  if (commands.length === 0) return [];
  const { stdout } = await runGit({
    gitDir,
    args: ["for-each-ref", "--format=%(refname) %(objectname)", "refs/heads", "refs/tags"],
  });
  const current = new Map<string, string>();
  for (const line of stdout.toString("utf8").split("\n")) {
    const space = line.indexOf(" ");
    if (space > 0) current.set(line.slice(0, space), line.slice(space + 1));
  }
  return commands
    .filter((command) => (current.get(command.ref) ?? null) === command.after)
    .map((command) => ({ ref: command.ref, before: command.before, after: command.after }));
}

/** Tells the rest of the hub (search index, card labels, last-modified, Space builds) what a push moved. */
export async function announcePush(
  repo: RepoRef,
  gitDir: string,
  commands: PushCommand[],
): Promise<void> {
  const refs = await appliedCommands(gitDir, commands);
  if (refs.length > 0) await notifyRepoChanged({ kind: "refs", source: "git", repo, refs });
}
