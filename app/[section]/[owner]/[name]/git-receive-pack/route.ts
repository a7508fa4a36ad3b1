// POST /{models|datasets}/{owner}/{name}.git/git-receive-pack – git push (smart HTTP)
import { gitRpcRoute, typeFromSection } from "@/lib/protocols/git/handlers";

export const POST = gitRpcRoute(typeFromSection, "git-receive-pack");
