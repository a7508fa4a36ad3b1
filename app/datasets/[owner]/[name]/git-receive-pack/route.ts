// POST /datasets/{owner}/{name}.git/git-receive-pack – git push (smart HTTP)
import { gitRpcRoute } from "@/lib/git-http/handlers";

export const POST = gitRpcRoute("dataset", "git-receive-pack");
