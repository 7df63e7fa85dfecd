import { STATUS_CODES } from "node:http";

/** What a handler answers. `body` is already serialized. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const JSON_TYPE = "application/json; charset=utf-8";
export const HTML_TYPE = "text/html; charset=utf-8";

/** A reply thrown from deep inside a handler (auth failures, 404s, validation errors). */
export class HttpFailure extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`);
    this.name = "HttpFailure";
  }
}

export function json(status: number, data: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "content-type": JSON_TYPE, ...headers }, body: JSON.stringify(data) };
}

export function text(status: number, body: string, contentType: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "content-type": contentType, ...headers }, body };
}

export function html(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return text(status, body, HTML_TYPE, headers);
}

/**
 * Rails' `head :ok` on a route whose default format is JSON: the content type still says JSON
 * but the body is empty, which trips clients that parse by content type alone.
 */
export function headOk(): Reply {
  return { status: 200, headers: { "content-type": "application/json" }, body: "" };
}

/** `head :no_content`: no body and no content type. */
export function noContent(): Reply {
  return { status: 204, headers: {}, body: "" };
}

export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? "Unknown";
}
