import "server-only";

import type { RepoType } from "@/db/schema/enums";
import type { Caller } from "@/lib/auth/caller";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { repoGitDir } from "@/lib/hub";
import type { RepoRef } from "@/lib/hub/types";
import { renderLfsError } from "@/lib/protocols/lfs/errors";
import { handleLfsRequest } from "@/lib/protocols/lfs/lfs-router";
import { repoTypeOfPlural } from "@/lib/repos/http/address";
import { commitIdentity } from "@/lib/repos/identity";
import { repoTypePlural } from "@/lib/validation/repo-names";

import { requireRepoAccess } from "./access";
import { renderGitError } from "./errors";
import { ensureGitHooks } from "./pre-receive-hook";
import { announcePush } from "./push";
import { tapPushCommands, type PushCommand } from "./receive-commands";
import { gitRepoAddress } from "./repo-address";
import {
  advertiseRefs,
  gitProtocolEnv,
  isGitService,
  serviceRpc,
  type GitService,
} from "./service";

/** `GET …/info/refs?service=…` (smart HTTP only; dumb HTTP clients are told to upgrade). */
export async function gitInfoRefs(
  request: Request,
  caller: Caller | null,
  address: RepoRef,
): Promise<Response> {
  const service = new URL(request.url).searchParams.get("service");
  if (!isGitService(service)) {
    throw new AppError(
      "forbidden",
      "Only git's smart HTTP protocol is served here; use git 1.6.6 or newer.",
    );
  }
  const { ref } = await requireRepoAccess(
    caller,
    address,
    service === "git-receive-pack" ? "write" : "read",
  );
  return advertiseRefs({ gitDir: repoGitDir(ref), service, env: gitProtocolEnv(request) });
}

/** `POST …/git-upload-pack` (clone, fetch) and `POST …/git-receive-pack` (push). */
export async function gitRpc(
  request: Request,
  caller: Caller | null,
  address: RepoRef,
  service: GitService,
): Promise<Response> {
  const push = service === "git-receive-pack";
  const { ref } = await requireRepoAccess(caller, address, push ? "write" : "read");
  const gitDir = repoGitDir(ref);
  if (!push) return serviceRpc(request, { gitDir, service, env: gitProtocolEnv(request) });

  const hooks = await ensureGitHooks();
  const who = commitIdentity(caller!);
  const commands: PushCommand[] = [];
  return serviceRpc(request, {
    gitDir,
    service,
    // The pusher's name goes into the reflog; the hook path can only come from here.
    env: {
      ...gitProtocolEnv(request),
      GIT_COMMITTER_NAME: who.name,
      GIT_COMMITTER_EMAIL: who.email,
    },
    config: ["-c", `core.hooksPath=${hooks}`],
    transformBody: (body) => tapPushCommands(body, commands),
    onSuccess: () => announcePush(ref, gitDir, commands),
  });
}

/** The absolute URL of a repository's LFS endpoint as git-lfs derives it from the clone URL. */
function gitLfsBase(address: RepoRef): string {
  return `${getConfig().publicUrl}/${repoTypePlural[address.type]}/${address.owner}/${address.name}.git/info/lfs`;
}

/** Which kind of repository a git route serves: fixed, or named by the URL's section. */
export type GitRouteType = (params: { section?: string }) => RepoType;

/** `/{models|datasets}/…`: the kind the section names; anything else is a missing repository. */
export const typeFromSection: GitRouteType = (params) => repoTypeOfPlural(params.section ?? "");

type InfoParams = { section?: string; owner: string; name: string; rest?: string[] };

const isLfsPath = (request: Request) => new URL(request.url).pathname.includes("/info/lfs/");

/** The `…/{name}.git/info/[...rest]` route of one repository type: `info/refs` and the LFS API. */
export function gitInfoRoute(typeOf: GitRouteType) {
  return route<InfoParams>(
    {
      renderError: (error, request) =>
        isLfsPath(request) ? renderLfsError(error) : renderGitError(error),
      acceptJobTokens: true,
    },
    async (request, { caller, params }) => {
      const address = gitRepoAddress(typeOf(params), params.owner, params.name);
      const [first, ...rest] = params.rest ?? [];
      if (
        first === "refs" &&
        rest.length === 0 &&
        (request.method === "GET" || request.method === "HEAD")
      ) {
        return gitInfoRefs(request, caller, address);
      }
      if (first === "lfs")
        return handleLfsRequest(request, {
          caller,
          address,
          path: rest,
          lfsBase: gitLfsBase(address),
        });
      throw new AppError("not_found", "Not found.");
    },
  );
}

/** The `…/{name}.git/git-upload-pack` or `git-receive-pack` route of one repository type. */
export function gitRpcRoute(typeOf: GitRouteType, service: GitService) {
  return route<{ section?: string; owner: string; name: string }>(
    { renderError: renderGitError, acceptJobTokens: true },
    async (request, { caller, params }) =>
      gitRpc(request, caller, gitRepoAddress(typeOf(params), params.owner, params.name), service),
  );
}
