// GET|HEAD|PUT|PATCH|POST|DELETE /v2/… – the OCI Distribution API (manifests, blobs, uploads, tags, catalog, referrers)
import { dispatchRegistryRequest } from "@/lib/registry/dispatch";
import { registryRoute } from "@/lib/registry/registry-route";

const handler = registryRoute(dispatchRegistryRequest);

export const GET = handler;
export const HEAD = handler;
export const PUT = handler;
export const PATCH = handler;
export const POST = handler;
export const DELETE = handler;
