import { registryOf } from "../executors/docker-args";

/** Where one build keeps its images: a private dir of the job's, deleted with it. */
export type BuildahStore = { root: string; runroot: string };

/** The host uids a build's containers run as: container uid 0…count-1 is host uid first…. */
export type IdRange = { first: number; count: number };

/** Enough for the users images define (nobody is 65534). */
const idsPerBuild = 65_536;
/** Above any real account and any slot uid; 50,000 ranges of 65,536 end below 2^32 - 1. */
const firstBuildId = 1_000_000_000;
const buildRanges = 50_000;

/**
 * The ids a build of the job running as `slotUid` maps its containers to. Each slot has a range of
 * its own, so no build's root is a real user, and two concurrent builds cannot signal or read each
 * other's processes.
 */
export function buildIdRange(slotUid: number): IdRange {
  return { first: firstBuildId + (slotUid % buildRanges) * idsPerBuild, count: idsPerBuild };
}

function globalArgs(store: BuildahStore): string[] {
  return ["--root", store.root, "--runroot", store.runroot, "--storage-driver", "vfs"];
}

/**
 * `buildah bud` of a build step. chroot isolation needs no daemon and no runtime (crun and runc
 * cannot start containers on these hosts); with an id range the `RUN` instructions run in a user
 * namespace, as unprivileged host uids, not as the runner's root.
 */
export function buildahBudArgs(input: {
  store: BuildahStore;
  tag: string;
  dockerfile: string;
  context: string;
  authFile: string;
  ids: IdRange | null;
  buildArgs?: Record<string, string>;
}): string[] {
  const map = input.ids ? `0:${input.ids.first}:${input.ids.count}` : null;
  // prettier-ignore
  return [
    ...globalArgs(input.store),
    "bud",
    "--isolation", "chroot",
    ...(map ? ["--userns-uid-map", map, "--userns-gid-map", map] : []),
    "--authfile", input.authFile,
    "--layers=false",
    ...Object.entries(input.buildArgs ?? {}).flatMap(([name, value]) => ["--build-arg", `${name}=${value}`]),
    "--file", input.dockerfile,
    "--tag", input.tag,
    input.context,
  ];
}

/** `buildah push` of the built tag to its registry, writing the pushed manifest's digest to a file. */
export function buildahPushArgs(input: {
  store: BuildahStore;
  tag: string;
  authFile: string;
  digestFile: string;
}): string[] {
  // prettier-ignore
  return [
    ...globalArgs(input.store),
    "push",
    "--authfile", input.authFile,
    "--digestfile", input.digestFile,
    input.tag,
    `docker://${input.tag}`,
  ];
}

/**
 * The hub's registry when the image goes to it over plain HTTP (a hub served at `http://…`): that
 * one registry, and no other, is then used without TLS.
 */
export function plainHttpRegistry(tag: string, serverUrl: string): string | null {
  const server = new URL(serverUrl);
  return server.protocol === "http:" && registryOf(tag) === server.host ? server.host : null;
}

/** The registries configuration of one build: Docker Hub for short names, TLS everywhere but `plainHttp`. */
export function registriesConf(plainHttp: string | null): string {
  const lines = ['unqualified-search-registries = ["docker.io"]', 'short-name-mode = "permissive"'];
  if (plainHttp)
    lines.push("", "[[registry]]", `location = ${JSON.stringify(plainHttp)}`, "insecure = true");
  return `${lines.join("\n")}\n`;
}

/** A containers auth file with the job's credential for the registry it pushes to. */
export function authFile(registry: string, username: string, token: string): string {
  const auth = Buffer.from(`${username}:${token}`).toString("base64");
  return `${JSON.stringify({ auths: { [registry]: { auth } } })}\n`;
}
