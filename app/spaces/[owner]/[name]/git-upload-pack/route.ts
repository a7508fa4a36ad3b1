// POST /spaces/{owner}/{name}.git/git-upload-pack – git clone and fetch (smart HTTP)
import { fixedType, gitRpcRoute } from "@/lib/git-http/handlers";

export const POST = gitRpcRoute(fixedType("space"), "git-upload-pack");
