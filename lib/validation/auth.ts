import { z } from "zod";
import { isTokenShape } from "./fields";
import { checkNewPassword, newPasswordShape } from "./password";

/** An email address as accounts store it: trimmed and lower-cased. */
export const emailField = z.string({ error: "Enter an email address" }).trim().toLowerCase().pipe(z.email("Enter a valid email address").max(200, "That email address is too long"));

export const signInSchema = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password").max(200, "Password is too long"),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(1000, "That password is far too long"),
    ...newPasswordShape,
  })
  .superRefine((input, ctx) => {
    if (input.password === input.currentPassword && input.password) {
      ctx.addIssue({ code: "custom", path: ["password"], message: "Choose a password different from the current one" });
      return;
    }
    checkNewPassword(input, ctx);
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** Choosing a new password from an admin's reset link. */
export const resetPasswordSchema = z
  .object({ token: z.string().refine(isTokenShape, "This reset link is not valid"), ...newPasswordShape })
  .superRefine((input, ctx) => checkNewPassword(input, ctx));
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
