// POST /models/{owner}/{name}.git/git-receive-pack – git push (smart HTTP)
import { gitRpcRoute } from "@/lib/git-http/handlers";

export const POST = gitRpcRoute("model", "git-receive-pack");
