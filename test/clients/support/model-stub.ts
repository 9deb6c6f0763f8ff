/**
 * A stand-in for the model API on 127.0.0.1: records every request and answers each with one fixed
 * message (Anthropic Messages shape, as JSON or as the event stream the client asked for). Clients
 * pointed here show what they would send a model: the system prompt and tools listing our agent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  body: unknown;
  text: string;
}

/** A block of the stub's answer: text, or a call of one of the client's tools. */
export type AnswerBlock = { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

/**
 * Decides the answer to one request (its parsed body): the blocks to send, or undefined for the fixed
 * text. A test scripts the model this way, e.g. to make the client call a tool and read its result.
 */
export type Responder = (body: MessagesRequest) => AnswerBlock[] | undefined;

/** The parts of an Anthropic Messages request a script looks at. */
export interface MessagesRequest {
  system?: string | Array<{ type: string; text?: string }>;
  messages?: Array<{ role: string; content: string | Array<Record<string, unknown>> }>;
  tools?: Array<{ name: string; description?: string }>;
}

export interface ModelStub {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const ANSWER = 'stub answer';

export async function startModelStub(respond: Responder = () => undefined): Promise<ModelStub> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = null;
      }
      requests.push({ method: req.method ?? '', url: req.url ?? '', body, text });
      const model = (body as { model?: string } | null)?.model ?? 'stub';
      const isMessages = req.method === 'POST' && /\/messages/.test(req.url ?? '') && body !== null;
      const content: AnswerBlock[] = (isMessages ? respond(body as MessagesRequest) : undefined) ?? [{ type: 'text', text: ANSWER }];
      const stopReason = content.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn';
      const message = {
        id: 'msg_stub', type: 'message', role: 'assistant', model,
        content,
        stop_reason: stopReason, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 },
      };
      if (!(body as { stream?: boolean } | null)?.stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(message));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const event = (type: string, data: object) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
      event('message_start', { message: { ...message, content: [], stop_reason: null } });
      content.forEach((block, index) => {
        if (block.type === 'text') {
          event('content_block_start', { index, content_block: { type: 'text', text: '' } });
          event('content_block_delta', { index, delta: { type: 'text_delta', text: block.text } });
        } else {
          event('content_block_start', { index, content_block: { ...block, input: {} } });
          event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: JSON.stringify(block.input) } });
        }
        event('content_block_stop', { index });
      });
      event('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: 1 } });
      event('message_stop', {});
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every model request's text (the JSON as sent), for what the client put in front of the model. */
export function modelRequests(stub: ModelStub): string[] {
  return stub.requests.filter((r) => r.method === 'POST' && /\/messages/.test(r.url)).map((r) => r.text);
}
