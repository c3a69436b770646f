import { z } from "zod";
import { idField } from "./fields";

export const MAX_JOURNEY_NAME = 80;
export const MAX_STAGE_NAME = 60;
export const MAX_DESCRIPTION = 300;

const journeyName = z.string({ error: "Give the journey a name" }).trim().min(1, "Give the journey a name").max(MAX_JOURNEY_NAME, `A journey name can be at most ${MAX_JOURNEY_NAME} characters`);
const description = z.string().trim().max(MAX_DESCRIPTION, `A description can be at most ${MAX_DESCRIPTION} characters`).default("");
const stageName = z.string({ error: "Give the stage a name" }).trim().min(1, "Give the stage a name").max(MAX_STAGE_NAME, `A stage name can be at most ${MAX_STAGE_NAME} characters`);

export const createJourneySchema = z.object({ name: journeyName, description });
export const updateJourneySchema = z.object({ id: idField("Journey"), name: journeyName, description });
export const journeyIdSchema = z.object({ id: idField("Journey") });
export const addStageSchema = z.object({ journeyId: idField("Journey"), name: stageName });
export const renameStageSchema = z.object({ id: idField("Stage"), name: stageName });
export const moveStageSchema = z.object({ id: idField("Stage"), direction: z.enum(["up", "down"], { error: "Move a stage up or down" }) });
export const stageIdSchema = z.object({ id: idField("Stage") });
