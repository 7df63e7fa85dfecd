import { escapeHtml } from "../page/render-page.server";
import type { DemoContact } from "./app-context";

/**
 * Markup of the sandbox's Chatwoot stand-in: a conversation list, the selected conversation's tabs
 * with "Order history" open, and the dashboard-app frame. Its one script does what Chatwoot's
 * Frame.vue does: push the context on the frame's load event and again on every fetch-info request,
 * as a JSON string to any origin.
 */
export interface HostPageInput {
  nonce: string;
  storeName: string;
  frameUrl: string;
  contacts: DemoContact[];
  selected: DemoContact | undefined;
  verified: boolean;
  locale: string;
  context: unknown;
  /** Builds this page's URL with some parameters changed. */
  link(change: Record<string, string>): string;
}

const STYLE = `*{box-sizing:border-box}body{margin:0;height:100vh;display:flex;font:14px/1.4 -apple-system,BlinkMacSystemFont,"Segoe UI",Inter,Roboto,sans-serif;color:#1f2d3d;background:#f4f6fb}
nav{width:56px;background:#fff;border-right:1px solid #e4e8ed}nav b{display:block;margin:12px auto;width:32px;height:32px;border-radius:8px;background:#1f93ff}
aside{width:270px;background:#fff;border-right:1px solid #e4e8ed;overflow:auto}aside h1{font-size:16px;margin:14px 16px}
aside a{display:flex;gap:10px;padding:10px 16px;color:inherit;text-decoration:none;border-left:3px solid transparent}aside a.on{background:#f0f7ff;border-left-color:#1f93ff}
.avatar{width:32px;height:32px;border-radius:50%;background:#c8e1ff;display:grid;place-items:center;font-weight:600;flex:none}.who{min-width:0}.who small{display:block;color:#5d6b7a;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
section{flex:1;display:flex;flex-direction:column;min-width:0}header{background:#fff;padding:10px 16px;border-bottom:1px solid #e4e8ed}header h2{font-size:15px;margin:0}
.tabs{display:flex;gap:18px;background:#fff;padding:0 16px;border-bottom:1px solid #e4e8ed}.tabs span{padding:9px 0;color:#5d6b7a}.tabs .on{color:#1f93ff;border-bottom:2px solid #1f93ff}
.controls{display:flex;gap:14px;padding:6px 16px;font-size:12px;color:#5d6b7a}.controls a{color:#1f6fd1}
iframe{flex:1;width:100%;border:0;background:#fff}.empty{padding:24px;color:#5d6b7a}`;

export function hostHtml(input: HostPageInput): string {
  const { selected } = input;
  const items = input.contacts
    .map((c) => {
      const on = c.contactId === selected?.contactId ? ' class="on"' : "";
      return `<a${on} href="${escapeHtml(input.link({ contact: String(c.contactId) }))}"><span class="avatar">${escapeHtml(c.name.slice(0, 1))}</span><span class="who">${escapeHtml(c.name)}<small>${escapeHtml(c.email ?? "no e-mail")}</small></span></a>`;
    })
    .join("");
  const toggle = (label: string, change: Record<string, string>) =>
    `<a href="${escapeHtml(input.link(change))}">${escapeHtml(label)}</a>`;
  const main = selected
    ? `<header><h2>${escapeHtml(selected.name)}</h2><small>${escapeHtml(input.storeName)} · Website</small></header>
<div class="tabs"><span>Messages</span><span class="on">Order history</span></div>
<div class="controls"><span>Login: ${input.verified ? "verified" : "not verified"} (${toggle("switch", { verified: input.verified ? "0" : "1" })})</span><span>Agent language: ${escapeHtml(input.locale || "browser")} (${toggle("en", { locale: "en" })} · ${toggle("nl", { locale: "nl" })} · ${toggle("browser", { locale: "" })})</span></div>
<iframe id="dashboard-app" title="Order history" src="${escapeHtml(input.frameUrl)}"></iframe>
<script type="application/json" id="app-context">${JSON.stringify(input.context).replace(/</g, "\\u003c")}</script>
<script nonce="${input.nonce}">(function(){var frame=document.getElementById("dashboard-app");
var context=document.getElementById("app-context").textContent;
function send(){frame.contentWindow.postMessage(context,"*")}
frame.addEventListener("load",send);
window.addEventListener("message",function(e){if(e.source===frame.contentWindow&&e.data==="chatwoot-dashboard-app:fetch-info")send()});})();</script>`
    : `<p class="empty">No synced contacts yet. Once the demo store's customer and order webhooks have been processed, its Chatwoot contacts appear here.</p>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Chatwoot (sandbox) · ${escapeHtml(input.storeName)}</title><style nonce="${input.nonce}">${STYLE}</style></head>
<body><nav><b></b></nav><aside><h1>Conversations</h1>${items}</aside><section>${main}</section></body></html>`;
}
