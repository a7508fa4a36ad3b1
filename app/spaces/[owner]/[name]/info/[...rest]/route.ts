// GET /spaces/{owner}/{name}.git/info/refs – git ref advertisement; /info/lfs/… – the Git LFS API
import { fixedType, gitInfoRoute } from "@/lib/protocols/git/handlers";

const handler = gitInfoRoute(fixedType("space"));

export const GET = handler;
export const HEAD = handler;
export const POST = handler;
export const PUT = handler;
