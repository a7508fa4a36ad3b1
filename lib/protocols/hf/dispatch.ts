import "server-only";

import type { Caller } from "@/lib/auth/caller";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { gitInfoRefs, gitRpc } from "@/lib/protocols/git/handlers";
import { handleLfsRequest } from "@/lib/protocols/lfs/lfs-router";
import { spaceLogResponse } from "@/lib/spaces/logs";
import { repoTypePlural } from "@/lib/validation/repo-names";

import { commitHf } from "./commit";
import type { HfRoute } from "./hf-path";
import { listCommitsHf } from "./history";
import { preuploadHf } from "./preupload";
import { branchHf, listRefsHf, tagHf } from "./refs";
import { createRepoHf, deleteRepoHf, moveRepoHf, updateSettingsHf } from "./repo-admin";
import { repoInfoHf } from "./repo-info";
import { listReposHf } from "./repo-list";
import { resolveHf } from "./resolve";
import { hfEndpoint, hfRepoPrefix } from "./responses";
import { spaceControlHf, spaceRuntimeHf } from "./space-runtime";
import { listTreeHf, pathsInfoHf } from "./tree";
import { validateYamlHf } from "./validate-yaml";
import { whoAmIV2 } from "./whoami";

function allow(request: Request, ...methods: string[]): void {
  if (!methods.includes(request.method)) {
    throw new AppError("method_not_allowed", `This endpoint takes ${methods.join(" or ")}.`, {
      headers: { Allow: methods.join(", ") },
    });
  }
}

/** Runs the endpoint a parsed `/hf/…` path names. */
export async function dispatchHf(
  request: Request,
  caller: Caller | null,
  route: HfRoute,
): Promise<Response> {
  switch (route.kind) {
    case "whoami":
      allow(request, "GET");
      return whoAmIV2(caller);
    case "validate-yaml":
      allow(request, "POST");
      return validateYamlHf(request);
    case "repos-create":
      allow(request, "POST");
      return createRepoHf(request, caller);
    case "repos-delete":
      allow(request, "DELETE");
      return deleteRepoHf(request, caller);
    case "repos-move":
      allow(request, "POST");
      return moveRepoHf(request, caller);
    case "list":
      allow(request, "GET");
      return listReposHf(request, caller, route.type);
    case "info":
      allow(request, "GET");
      return repoInfoHf(request, caller, route.repo, route.rev);
    case "tree":
      allow(request, "GET");
      return listTreeHf(request, caller, route.repo, route.rev, route.path);
    case "paths-info":
      allow(request, "POST");
      return pathsInfoHf(request, caller, route.repo, route.rev);
    case "preupload":
      allow(request, "POST");
      return preuploadHf(request, caller, route.repo, route.rev);
    case "commit":
      allow(request, "POST");
      return commitHf(request, caller, route.repo, route.rev);
    case "commits":
      allow(request, "GET");
      return listCommitsHf(request, caller, route.repo, route.rev);
    case "refs":
      allow(request, "GET");
      return listRefsHf(caller, route.repo);
    case "settings":
      allow(request, "PUT");
      return updateSettingsHf(request, caller, route.repo);
    case "runtime":
      allow(request, "GET");
      return spaceRuntimeHf(caller, route.repo);
    case "space-control":
      allow(request, "POST");
      return spaceControlHf(request, caller, route.repo, route.action);
    case "space-logs":
      allow(request, "GET");
      return spaceLogResponse(request, caller, route.repo, route.which);
    case "branch":
      allow(request, "POST", "DELETE");
      return branchHf(request, caller, route.repo, route.branch);
    case "tag":
      allow(request, "POST", "DELETE");
      return tagHf(request, caller, route.repo, route.name);
    case "resolve":
      allow(request, "GET", "HEAD");
      return resolveHf(request, caller, route.repo, route);
    case "lfs": {
      const { type, owner, name } = route.repo;
      const lfsBase = `${hfEndpoint()}/${hfRepoPrefix(type)}${owner}/${name}.git/info/lfs`;
      return handleLfsRequest(request, { caller, address: route.repo, path: route.path, lfsBase });
    }
    case "git-info":
      if (route.path.length !== 1 || route.path[0] !== "refs")
        throw new AppError("not_found", "Not found.");
      allow(request, "GET", "HEAD");
      return gitInfoRefs(request, caller, route.repo);
    case "git-rpc":
      allow(request, "POST");
      return gitRpc(request, caller, route.repo, route.service);
    case "web": {
      allow(request, "GET", "HEAD");
      const { type, owner, name } = route.repo;
      const page = `${getConfig().publicUrl}/${repoTypePlural[type]}/${owner}/${name}`;
      return Response.redirect(
        route.commit ? `${page}/commit/${encodeURIComponent(route.commit)}` : page,
        302,
      );
    }
  }
}
