import "server-only";

import { notFound } from "next/navigation";

import { AppError } from "@/lib/errors";

/**
 * For pages: a lib call whose `not_found` AppError should render the 404 page. A page's only input
 * is its URL, so a `bad_request` (a revision or path that cannot name anything) is a page that does
 * not exist too, not a server error.
 */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "bad_request")) {
      notFound();
    }
    throw error;
  }
}
