// GET|HEAD|POST|PUT|DELETE|OPTIONS /hf/… – the Hugging Face Hub–compatible API (hubUrl / HF_ENDPOINT = /hf)
import { hfRoute } from "@/lib/protocols/hf/route";

export const GET = hfRoute;
export const HEAD = hfRoute;
export const POST = hfRoute;
export const PUT = hfRoute;
export const DELETE = hfRoute;
export const OPTIONS = hfRoute;
