// POST /spaces/{owner}/{name}.git/git-upload-pack – git clone and fetch (smart HTTP)
import { fixedType, gitRpcRoute } from "@/lib/protocols/git/handlers";

export const POST = gitRpcRoute(fixedType("space"), "git-upload-pack");
