import { z } from "zod";

import { emailSchema, ownerNameSchema, passwordSchema } from "./names";

export const signUpSchema = z
  .object({
    username: ownerNameSchema,
    email: z.preprocess((v) => (v === "" ? undefined : v), emailSchema.optional()),
    password: passwordSchema,
  })
  .refine((v) => v.password.toLowerCase() !== v.username.toLowerCase(), {
    message: "Do not use your username as your password.",
    path: ["password"],
  });

export type SignUpInput = z.input<typeof signUpSchema>;

export const profileSchema = z.object({
  displayName: z.string().trim().max(64, "Use at most 64 characters."),
  bio: z.string().trim().max(400, "Use at most 400 characters."),
});
