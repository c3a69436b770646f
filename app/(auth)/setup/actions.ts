"use server";

import { z } from "zod";
import { publicAction } from "@/lib/actions";
import { completeFirstRun, loadDemoOrganisation } from "@/lib/data/setup";
import { firstRunSchema } from "@/lib/validation/setup";

// Signed out by nature: both refuse unless the database has no organisation and no one in it.
export const completeFirstRunAction = publicAction(firstRunSchema, completeFirstRun);
export const loadDemoAction = publicAction(z.object({}), () => loadDemoOrganisation());
