// GET /{models|datasets}/{owner}/{name}.git/info/refs – git ref advertisement; /info/lfs/… – the Git LFS API
import { gitInfoRoute, typeFromSection } from "@/lib/protocols/git/handlers";

const handler = gitInfoRoute(typeFromSection);

export const GET = handler;
export const HEAD = handler;
export const POST = handler;
export const PUT = handler;
