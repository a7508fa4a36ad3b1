// POST /datasets/{owner}/{name}.git/git-upload-pack – git clone and fetch (smart HTTP)
import { gitRpcRoute } from "@/lib/git-http/handlers";

export const POST = gitRpcRoute("dataset", "git-upload-pack");
