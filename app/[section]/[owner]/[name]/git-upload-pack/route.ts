// POST /{models|datasets}/{owner}/{name}.git/git-upload-pack – git clone and fetch (smart HTTP)
import { gitRpcRoute, typeFromSection } from "@/lib/git-http/handlers";

export const POST = gitRpcRoute(typeFromSection, "git-upload-pack");
