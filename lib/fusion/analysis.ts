import { z } from "zod";

/**
 * The judge's structured analysis (DESIGN.md §1). Field names follow OpenRouter's Fusion
 * output so API users feel at home. Model references are anonymous labels ("A", "B", …);
 * the run keeps the label → model map.
 */
export const analysisSchema = z.object({
  consensus: z
    .array(z.object({ point: z.string(), models: z.array(z.string()) }))
    .describe("Points that all or most responses agree on, with the labels of those responses."),
  contradictions: z
    .array(
      z.object({
        topic: z.string(),
        stances: z.array(z.object({ model: z.string(), stance: z.string() })),
        resolution: z.string().optional(),
      }),
    )
    .describe("Topics on which responses disagree, each response's stance, and a resolution."),
  partial_coverage: z
    .array(z.object({ point: z.string(), models: z.array(z.string()) }))
    .describe("Points covered by some responses but not others."),
  unique_insights: z
    .array(z.object({ insight: z.string(), model: z.string() }))
    .describe("Valuable points made by exactly one response."),
  blind_spots: z.array(z.string()).describe("Important aspects that no response addressed."),
});

export type Analysis = z.infer<typeof analysisSchema>;

export const ANALYSIS_SECTIONS = [
  "consensus",
  "contradictions",
  "partial_coverage",
  "unique_insights",
  "blind_spots",
] as const satisfies readonly (keyof Analysis)[];
