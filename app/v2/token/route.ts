// GET|POST /v2/token – registry bearer tokens for docker, skopeo and other OCI clients
import { handleTokenRequest } from "@/lib/registry/token-endpoint";

export const GET = handleTokenRequest;
export const POST = handleTokenRequest;
