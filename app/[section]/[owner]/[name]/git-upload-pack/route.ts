// POST /{models|datasets}/{owner}/{name}.git/git-upload-pack – git clone and fetch (smart HTTP)
import { gitRpcRoute, typeFromSection } from "@/lib/protocols/git/handlers";

export const POST = gitRpcRoute(typeFromSection, "git-upload-pack");
