import "server-only";

import type { RegistryRequester } from "./access";
import { deleteBlob, getBlob } from "./blobs";
import { listCatalog } from "./catalog";
import { RegistryError } from "./errors";
import { putManifest } from "./manifest-push";
import { deleteManifest, getManifest } from "./manifests";
import { getReferrers } from "./referrers";
import { registryJson } from "./responses";
import { parseRegistryPath, type RegistryPath } from "./route-path";
import { listTags } from "./tags";
import { startUpload } from "./upload-start";
import { cancelUpload, completeUpload, getUploadStatus, patchUpload } from "./uploads";

type Handler = (request: Request, requester: RegistryRequester) => Promise<Response>;
type Methods = Partial<Record<string, Handler>>;

/** GET /v2/: the API version check; anonymous callers get the challenge so that `docker login` authenticates. */
function checkVersion(request: Request, requester: RegistryRequester): Promise<Response> {
  if (requester.principal.type === "anonymous" && !requester.cap) {
    return Promise.reject(
      new RegistryError(
        "UNAUTHORIZED",
        "Authentication required: log in with your user name and an access token.",
      ),
    );
  }
  return Promise.resolve(registryJson(request, {}));
}

function handlersFor(path: RegistryPath): Methods {
  switch (path.kind) {
    case "base":
      return { GET: checkVersion, HEAD: checkVersion };
    case "catalog":
      return { GET: listCatalog };
    case "token":
      return {};
    case "tags":
      return { GET: (req, who) => listTags(req, who, path.name) };
    case "manifest": {
      const get: Handler = (req, who) => getManifest(req, who, path.name, path.reference);
      return {
        GET: get,
        HEAD: get,
        PUT: (req, who) => putManifest(req, who, path.name, path.reference),
        DELETE: (req, who) => deleteManifest(req, who, path.name, path.reference),
      };
    }
    case "blob": {
      const get: Handler = (req, who) => getBlob(req, who, path.name, path.digest);
      return {
        GET: get,
        HEAD: get,
        DELETE: (req, who) => deleteBlob(req, who, path.name, path.digest),
      };
    }
    case "upload-start":
      return { POST: (req, who) => startUpload(req, who, path.name) };
    case "upload":
      return {
        GET: (req, who) => getUploadStatus(req, who, path.name, path.uploadId),
        PATCH: (req, who) => patchUpload(req, who, path.name, path.uploadId),
        PUT: (req, who) => completeUpload(req, who, path.name, path.uploadId),
        DELETE: (req, who) => cancelUpload(req, who, path.name, path.uploadId),
      };
    case "referrers":
      return { GET: (req, who) => getReferrers(req, who, path.name, path.digest) };
  }
}

/** Routes a `/v2/…` request to its endpoint by path and method. */
export async function dispatchRegistryRequest(
  request: Request,
  requester: RegistryRequester,
): Promise<Response> {
  const path = parseRegistryPath(new URL(request.url).pathname);
  if (!path)
    throw new RegistryError("NAME_UNKNOWN", "There is no registry endpoint at this path.", {
      status: 404,
    });
  const handler = handlersFor(path)[request.method];
  if (!handler) {
    throw new RegistryError("UNSUPPORTED", `${request.method} is not supported here.`, {
      status: 405,
    });
  }
  return handler(request, requester);
}
