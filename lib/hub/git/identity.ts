export type Identity = { name: string; email: string };

/** Characters git refuses (or would mangle) in an identity line. */
function clean(value: string): string {
  return value.replace(/[<>\n\r\0]/g, "").trim();
}

/** Author and committer environment for commit-tree / mktag, in UTC. */
export function identityEnv(who: Identity, date = new Date()): Record<string, string> {
  const name = clean(who.name).slice(0, 200) || "unknown";
  const email = clean(who.email).slice(0, 200);
  const when = `${Math.floor(date.getTime() / 1000)} +0000`;
  return {
    GIT_AUTHOR_NAME: name,
    GIT_AUTHOR_EMAIL: email,
    GIT_AUTHOR_DATE: when,
    GIT_COMMITTER_NAME: name,
    GIT_COMMITTER_EMAIL: email,
    GIT_COMMITTER_DATE: when,
  };
}
