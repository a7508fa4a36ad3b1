import "server-only";

import { notFound } from "next/navigation";

import { AppError } from "@/lib/errors";

/** For pages: a lib call whose `not_found` AppError should render the 404 page. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}
