import { z } from "zod";
import { dateKeyField, idField } from "./fields";

/** ?department=&period= for the entry grid's data. */
export const entrySheetQuerySchema = z.object({
  department: idField("Department"),
  period: dateKeyField("Period"),
});
