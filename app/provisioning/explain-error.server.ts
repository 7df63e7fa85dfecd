import {
  ChatwootHttpError,
  ChatwootNetworkError,
  ChatwootRateLimitError,
  ChatwootSchemaError,
  ChatwootTimeoutError,
} from "~/chatwoot";
import { SecretDecryptionError } from "~/lib/crypto.server";
import { ProvisioningStepError } from "./errors.server";
import { ShopifyAdminError } from "./shopify-admin.server";

/**
 * Turns a failure into words a merchant can act on (shown in the checklist) plus the technical
 * detail for logs and support. Never includes tokens.
 */
export function explainError(error: unknown, chatwootUrl: string): { reason: string; detail: string } {
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { reason: reasonFor(error, chatwootUrl), detail: detail.slice(0, 1000) };
}

function reasonFor(error: unknown, chatwootUrl: string): string {
  if (error instanceof ProvisioningStepError) return error.message;
  if (error instanceof ChatwootRateLimitError) {
    return "Chatwoot is limiting how fast the app may call it. Wait a minute, then retry.";
  }
  if (error instanceof ChatwootTimeoutError) {
    return `Chatwoot at ${chatwootUrl} took too long to answer. Check that it is running, then retry.`;
  }
  if (error instanceof ChatwootNetworkError) {
    return `The app could not reach Chatwoot at ${chatwootUrl}. Check that it is running and reachable, then retry.`;
  }
  if (error instanceof ChatwootSchemaError) {
    return "Chatwoot answered in a way the app does not understand. Check that your Chatwoot is version 4 or newer.";
  }
  if (error instanceof ChatwootHttpError) {
    const message = chatwootMessage(error.body);
    if (error.status === 401 && /suspended/i.test(message)) {
      return "The store's Chatwoot account is suspended. Ask your Chatwoot administrator to reactivate it, then retry.";
    }
    if (error.status === 401) {
      return "Chatwoot refused the app's credentials. Check the platform app token (CHATWOOT_PLATFORM_TOKEN), then retry.";
    }
    if (error.status === 402) return "Your Chatwoot plan's limit for inboxes or agents is reached.";
    if (error.status === 422) return `Chatwoot rejected the request: ${message || "invalid data"}.`;
    if (error.status >= 500) {
      return `Chatwoot had a server error (${error.status}). Retry in a moment; if it keeps failing, check Chatwoot's logs.`;
    }
    return `Chatwoot answered ${error.status}${message ? `: ${message}` : ""}.`;
  }
  if (error instanceof ShopifyAdminError) {
    return "The app could not read your store's details from Shopify. Retry in a moment.";
  }
  if (error instanceof SecretDecryptionError) {
    return "The app cannot read a stored secret: its encryption key changed. Contact the app's operator.";
  }
  return "Something unexpected went wrong. Retry; if it keeps failing, contact support.";
}

function chatwootMessage(body: unknown): string {
  if (typeof body === "string") return body.trim().slice(0, 200);
  if (body && typeof body === "object") {
    const record = body as Record<string, unknown>;
    const value = record.message ?? record.error;
    if (typeof value === "string") return value;
  }
  return "";
}
