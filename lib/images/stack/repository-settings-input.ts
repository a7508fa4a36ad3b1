import { z } from "zod";

/** An image repository's description, as the settings form and the API accept it. */
export const imageDescription = z
  .string({ error: "The description must be a string." })
  .trim()
  .max(2000, "Use at most 2000 characters for the description.");
