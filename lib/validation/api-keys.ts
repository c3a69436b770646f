import { z } from "zod";
import { idField } from "./fields";

export const createApiKeySchema = z.object({
  departmentId: idField("Department"),
  name: z
    .string({ error: "Name the key after the system that will use it" })
    .trim()
    .min(1, "Name the key after the system that will use it")
    .max(80, "Name must be at most 80 characters"),
});

export const revokeApiKeySchema = z.object({ id: idField("API key") });
