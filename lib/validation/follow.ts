import { z } from "zod";
import { idField } from "./fields";

const following = z.boolean({ error: "Say whether to follow or stop following" });

/** Follow a touchpoint (following: true) or stop (false). */
export const touchpointFollowingSchema = z.object({ touchpointId: idField("Touchpoint"), following }).strict();
export type TouchpointFollowingInput = z.output<typeof touchpointFollowingSchema>;

/** Follow a journey (following: true) or stop (false). */
export const journeyFollowingSchema = z.object({ journeyId: idField("Journey"), following }).strict();
export type JourneyFollowingInput = z.output<typeof journeyFollowingSchema>;
