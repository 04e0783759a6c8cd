import type { ModelMessage } from "ai";
import type { Analysis } from "./analysis";
import type { ChatMessage } from "./input";
import { analysisBlock, type LabelledAnswer, questionBlock, responseBlocks } from "./prompt-format";

/** The judge's default instructions; users may replace them per panel. */
export const DEFAULT_JUDGE_INSTRUCTIONS = `You are the judge of a panel of AI models that answered the same question independently.
You see their answers anonymised as "Response A", "Response B", and so on, in random order.
Do not answer the question yourself. Compare the responses and return a JSON object with:
- consensus: points that all or most responses agree on, each with the labels of the responses that make it;
- contradictions: topics where responses disagree, each response's stance, and a resolution when the evidence favours one side;
- partial_coverage: points made by some responses but missing from others;
- unique_insights: valuable points made by exactly one response;
- blind_spots: important aspects of the question that no response addressed.
Refer to responses only by their letter. Be specific and concise. Judge on substance, not on length or style.`;

/** The synthesizer's default instructions; users may replace them per panel. */
export const DEFAULT_SYNTHESIZER_INSTRUCTIONS = `You write the final answer to the user's question, drawing on a panel of AI models' responses and a judge's analysis of them.
Build on the consensus, resolve contradictions using the strongest reasoning (say so when a point is genuinely contested),
include unique insights that hold up, and cover blind spots where you can.
Answer the user directly, in well-structured markdown. Do not mention the panel, the judge or response letters unless the user asks how the answer was made.`;

/** History as the panel sees it: earlier prompts and earlier final answers. */
export function toModelMessages(messages: readonly ChatMessage[]): ModelMessage[] {
  return messages.map((m) => ({ role: m.role, content: m.content }));
}

function contextBlock(history: readonly ChatMessage[]): string {
  if (history.length === 0) return "";
  const turns = history
    .map((m) => `${m.role === "user" ? "User" : "Assistant"}: ${m.content}`)
    .join("\n\n");
  return `<context>\nEarlier in this conversation:\n\n${turns}\n</context>\n\n`;
}

export function judgeMessages(
  messages: readonly ChatMessage[],
  answers: readonly LabelledAnswer[],
): ModelMessage[] {
  const question = messages.at(-1)?.content ?? "";
  const content = `${contextBlock(messages.slice(0, -1))}${questionBlock(question)}\n\n${responseBlocks(answers)}\n\nReturn the analysis as a JSON object.`;
  return [{ role: "user", content }];
}

/** The one repair attempt: show the judge its reply and what was wrong with it. */
export function judgeRepairMessages(
  first: ModelMessage[],
  badReply: string,
  problem: string,
): ModelMessage[] {
  return [
    ...first,
    { role: "assistant", content: badReply || "(empty reply)" },
    {
      role: "user",
      content: `Your reply could not be used: ${problem}\nReply again with only a JSON object that has exactly the fields consensus, contradictions, partial_coverage, unique_insights and blind_spots.`,
    },
  ];
}

export function synthesizerMessages(
  messages: readonly ChatMessage[],
  answers: readonly LabelledAnswer[],
  analysis: Analysis | null,
): ModelMessage[] {
  const history = messages.slice(0, -1);
  const question = messages.at(-1)?.content ?? "";
  const judged = analysis
    ? analysisBlock(analysis)
    : "The judge's analysis is not available for this question; compare the responses yourself.";
  const content = `${questionBlock(question)}\n\n${judged}\n\n${responseBlocks(answers)}\n\nWrite the final answer to the question.`;
  return [...toModelMessages(history), { role: "user", content }];
}
