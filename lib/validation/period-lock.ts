import { z } from "zod";
import { dateKeyField } from "./fields";

export const setPeriodLockSchema = z.object({
  periodStart: dateKeyField("Period"),
  locked: z.boolean({ error: "Say whether the period should be locked" }),
});
