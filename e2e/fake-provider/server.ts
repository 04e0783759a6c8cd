import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import {
  personaFor,
  type SimCompletion,
  simulateCompletion,
  tokenize,
} from "@/lib/models/sim/generator";
import { type SimTiming, simTiming, sleep } from "@/lib/models/sim/timing";
import {
  errorBody,
  type Fault,
  type FaultKind,
  FaultQueue,
  INVALID_JSON_TEXT,
  SCHEMA_MISMATCH_TEXT,
} from "./faults";
import { BadRequestError, type ChatRequest, modelList, parseChatRequest } from "./protocol";
import { type ResponseContext, respondCompletion, sendJson, streamCompletion } from "./respond";

export type FakeTiming = SimTiming;

export type FakeProviderOptions = {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: "127.0.0.1" | (string & {});
  /** Fixed, or per model slug. Default: fast (5 ms to first token, 2000 tokens/s). */
  timing?: FakeTiming | ((model: string) => FakeTiming);
  /** `: OPENROUTER PROCESSING` comments, `usage.cost`, `delta.reasoning`. Default true. */
  openRouterHabits?: boolean;
};

export type RecordedRequest = {
  id: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, the raw text if it did not parse, or null without a body. */
  body: unknown;
  /** The model id as sent, for chat requests. */
  model: string | null;
  /** The injected fault this request consumed, if any. */
  fault: FaultKind | null;
  /** The HTTP status sent (null if the socket died first). */
  status: number | null;
  /** Content chunks (reasoning or text deltas) streamed so far. */
  chunks: number;
  /** The client went away before the response finished. */
  closedByClient: boolean;
  startedAt: number;
  finishedAt: number | null;
};

export type FakeProvider = {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /** `url + '/v1'`, what providers take as `baseURL`. */
  baseURL: string;
  requests: RecordedRequest[];
  inject(fault: Fault): void;
  clearFaults(): void;
  /** The next request the client abandoned (one already abandoned and not yet returned counts). */
  waitForClosedConnection(timeoutMs?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
};

export const FAST_TIMING: FakeTiming = { firstTokenMs: 5, tokensPerSecond: 2000 };

/** Each persona's own first-token delay and speed, for demos and benchmarks. */
export function realisticTiming(model: string): FakeTiming {
  return simTiming(personaFor(model), "realistic");
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

/** The completion as it will go over the wire, after JSON faults have replaced the text. */
function plannedCompletion(chat: ChatRequest, fault: Fault | null): SimCompletion {
  const c = simulateCompletion({
    model: chat.slug,
    messages: chat.messages,
    responseFormat: chat.responseFormat,
    ...(chat.seed !== undefined ? { seed: chat.seed } : {}),
    ...(chat.temperature !== undefined ? { temperature: chat.temperature } : {}),
    ...(chat.maxTokens !== undefined ? { maxOutputTokens: chat.maxTokens } : {}),
  });
  if (fault?.kind === "invalid-json" || fault?.kind === "schema-mismatch") {
    const text = fault.kind === "invalid-json" ? INVALID_JSON_TEXT : SCHEMA_MISMATCH_TEXT;
    return { ...c, text, tokens: tokenize(text), finishReason: "stop" };
  }
  return c;
}

export async function startFakeProvider(options: FakeProviderOptions = {}): Promise<FakeProvider> {
  const host = options.host ?? "127.0.0.1";
  const habits = options.openRouterHabits ?? true;
  const timingOption = options.timing ?? FAST_TIMING;
  const timingFor = (slug: string) =>
    typeof timingOption === "function" ? timingOption(slug) : timingOption;
  const faults = new FaultQueue();
  const requests: RecordedRequest[] = [];
  const active = new Set<AbortController>();
  const claimed = new Set<RecordedRequest>();
  const waiters: ((r: RecordedRequest) => void)[] = [];
  const created = Math.floor(Date.now() / 1000);
  let counter = 0;

  const onClientClosed = (record: RecordedRequest) => {
    const waiter = waiters.shift();
    if (waiter) {
      claimed.add(record);
      waiter(record);
    }
  };

  async function handleChat(
    res: ServerResponse,
    record: RecordedRequest,
    signal: AbortSignal,
    drop: () => void,
  ) {
    let chat: ChatRequest;
    try {
      chat = parseChatRequest(record.body);
    } catch (error) {
      if (!(error instanceof BadRequestError)) throw error;
      sendJson(res, 400, errorBody(400, error.message));
      return;
    }
    record.model = chat.model;
    const fault = faults.take(chat.slug, chat.responseFormat === "json");
    record.fault = fault?.kind ?? null;
    if (fault?.kind === "delay") await sleep(fault.ms, signal);
    if (fault?.kind === "status") {
      const headers: Record<string, string> =
        fault.retryAfterSeconds !== undefined
          ? { "retry-after": String(fault.retryAfterSeconds) }
          : {};
      sendJson(res, fault.status, fault.body ?? errorBody(fault.status, fault.message), headers);
      return;
    }
    const n = ++counter;
    const context: ResponseContext = {
      res,
      signal,
      completion: plannedCompletion(chat, fault),
      timing: timingFor(chat.slug),
      fault,
      habits,
      includeUsage: chat.includeUsage,
      drop,
      onChunk: () => {
        record.chunks += 1;
      },
      head: {
        id: habits ? `gen-${created}-${n}` : `chatcmpl-fake${n}`,
        created: Math.floor(Date.now() / 1000),
        model: chat.model,
        ...(habits ? { provider: "Quorum Simulator" } : {}),
      },
    };
    if (chat.stream) await streamCompletion(context);
    else await respondCompletion(context);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const controller = new AbortController();
    active.add(controller);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const record: RecordedRequest = {
      id: requests.length + 1,
      method: req.method ?? "GET",
      path,
      headers: req.headers,
      body: null,
      model: null,
      fault: null,
      status: null,
      chunks: 0,
      closedByClient: false,
      startedAt: Date.now(),
      finishedAt: null,
    };
    requests.push(record);
    let dropped = false;
    // The `drop` fault destroys the socket on purpose; that must not count as a client abort.
    const drop = () => {
      dropped = true;
      res.destroy();
    };
    res.on("close", () => {
      active.delete(controller);
      record.finishedAt = Date.now();
      record.status = res.headersSent ? res.statusCode : null;
      if (!res.writableFinished && !dropped && !controller.signal.aborted) {
        record.closedByClient = true;
        onClientClosed(record);
      }
      // Stop generating at once: nobody is listening any more.
      controller.abort(new DOMException("The client closed the connection.", "AbortError"));
    });
    try {
      const raw = await readBody(req);
      if (raw) {
        try {
          record.body = JSON.parse(raw);
        } catch {
          record.body = raw;
          sendJson(res, 400, errorBody(400, "The request body is not valid JSON."));
          return;
        }
      }
      if (req.method === "GET" && path === "/v1/models") {
        sendJson(res, 200, modelList(created));
      } else if (req.method === "POST" && path === "/v1/chat/completions") {
        await handleChat(res, record, controller.signal, drop);
      } else {
        sendJson(res, 404, errorBody(404, `No route for ${req.method} ${path}.`));
      }
    } catch (error) {
      if (controller.signal.aborted) return; // the client left; nothing to answer
      if (!res.headersSent) sendJson(res, 500, errorBody(500, String(error)));
      else res.destroy();
    }
  }

  const server = createServer({ noDelay: true }, (req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;

  return {
    url,
    baseURL: `${url}/v1`,
    requests,
    inject: (fault) => faults.inject(fault),
    clearFaults: () => faults.clear(),
    waitForClosedConnection(timeoutMs = 5000) {
      const ready = requests.find((r) => r.closedByClient && !claimed.has(r));
      if (ready) {
        claimed.add(ready);
        return Promise.resolve(ready);
      }
      return new Promise((resolve, reject) => {
        const waiter = (r: RecordedRequest) => {
          clearTimeout(timer);
          resolve(r);
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`No client closed a connection within ${timeoutMs} ms.`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const controller of active) controller.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
