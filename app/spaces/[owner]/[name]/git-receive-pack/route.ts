// POST /spaces/{owner}/{name}.git/git-receive-pack – git push (smart HTTP)
import { fixedType, gitRpcRoute } from "@/lib/protocols/git/handlers";

export const POST = gitRpcRoute(fixedType("space"), "git-receive-pack");
