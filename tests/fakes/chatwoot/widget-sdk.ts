import type { SimCore } from "./core";
import { noContent, text } from "./http";
import { publicRoute, type Route } from "./router";

/**
 * Stand-ins for Chatwoot's storefront scripts, written for the simulator (not Chatwoot's code):
 *
 * - `/packs/js/sdk.js` behaves like the SDK where a storefront depends on it: `chatwootSDK.run`
 *   reads `window.chatwootSettings`, creates `window.$chatwoot` (setUser, reset, toggle,
 *   toggleBubbleVisibility, setLocale), a bubble and the iframe to `/widget?website_token=`, fires
 *   `chatwoot:ready` once the iframe says it loaded (not again after a reset), keeps the
 *   `cw_conversation` and `cw_user_<token>` cookies, de-dupes setUser by that cookie, and
 *   re-sends the stored user without its identifier when the iframe reloads, as Chatwoot does.
 * - `/packs/js/widget.js` runs inside that iframe: it sends setUser to
 *   `PATCH /api/v1/widget/contact/set_user` with the visitor's `X-Auth-Token`, the way the real
 *   widget does, and reports failures back to the page as `chatwoot:error`.
 *
 * Each run, setUser and reset is also reported to `POST /sdk-stand-in/calls` (not a Chatwoot
 * endpoint), so tests read them from `state.requests`; see `sdkCalls`.
 *
 * Weight, so a benchmark against the official snippet is fair: sdk.js is padded to 36 KB raw
 * (about 12 KB gzip; the built SDK is 30-36 KB raw and its CI budget is 40 KB) and widget.js to about 250 KB
 * gzip (Chatwoot budgets 300 KB for the widget bundle). The padding is code-shaped and never
 * called, so the browser pays download, parse and compile; the real widget's API calls, websocket
 * and Vue start-up are not modelled, which makes the official snippet's measured cost a floor.
 */
export const SDK_RAW_BYTES = 36_000;
export const WIDGET_GZIP_TARGET_BYTES = 250_000;
export const SDK_CALLS_PATH = "/sdk-stand-in/calls";

const PREFIX = "chatwoot-widget:";

const SDK_SOURCE = String.raw`(function () {
  if (window.chatwootSDK) return;
  var PREFIX = "${PREFIX}";
  var CSS = ".woot-widget-holder{position:fixed;bottom:104px;right:20px;width:400px;height:calc(85% - 84px);max-height:590px;border-radius:16px;overflow:hidden;box-shadow:0 5px 40px rgba(0,0,0,.16);z-index:2147483000;transition:opacity .2s,transform .2s}.woot-widget-holder.woot--hide{visibility:hidden;opacity:0;transform:translateY(40px)}.woot-widget-holder iframe{border:0;width:100%;height:100%}.woot-widget-bubble{position:fixed;bottom:20px;right:20px;width:64px;height:64px;border:0;border-radius:50%;background:#1f93ff;box-shadow:0 8px 24px rgba(0,0,0,.16);z-index:2147483000;cursor:pointer}.woot-elements--left{left:20px;right:auto}@media (max-width:667px){.woot-widget-holder{inset:0;width:100%;height:100%;max-height:none;border-radius:0}}";
  function getCookie(name) {
    var found = document.cookie.split("; ").filter(function (c) { return c.indexOf(name + "=") === 0; })[0];
    return found ? decodeURIComponent(found.slice(name.length + 1)) : undefined;
  }
  function setCookie(name, value) { document.cookie = name + "=" + encodeURIComponent(value) + "; path=/; max-age=31536000; SameSite=Lax"; }
  function removeCookie(name) { document.cookie = name + "=; path=/; max-age=0; SameSite=Lax"; }
  function emit(name, detail) { window.dispatchEvent(new CustomEvent(name, { detail: detail })); }
  // The real SDK stores an md5 here; any stable digest serves the de-dupe.
  function digest(text) {
    var h = 2166136261;
    for (var i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    return h.toString(16);
  }
  window.chatwootSDK = { run: function (options) {
    if (window.$chatwoot) return;
    var settings = window.chatwootSettings || {};
    var baseUrl = String(options.baseUrl).replace(/\/+$/, "");
    var token = options.websiteToken;
    var userCookie = "cw_user_" + token;
    var side = settings.position === "left" ? " woot-elements--left" : "";
    function record(kind, extra) {
      var query = "kind=" + kind + "&website_token=" + encodeURIComponent(token);
      for (var key in extra || {}) query += "&" + key + "=" + encodeURIComponent(extra[key]);
      navigator.sendBeacon(baseUrl + "${SDK_CALLS_PATH}?" + query);
    }
    function frameUrl(resume) {
      var conversation = resume && getCookie("cw_conversation");
      return baseUrl + "/widget?website_token=" + encodeURIComponent(token) + (conversation ? "&cw_conversation=" + encodeURIComponent(conversation) : "");
    }
    var style = document.createElement("style");
    style.textContent = CSS;
    document.head.appendChild(style);
    var holder = document.createElement("div");
    holder.className = "woot-widget-holder woot--hide" + side;
    var frame = document.createElement("iframe");
    frame.id = "chatwoot_live_chat_widget";
    frame.title = "Chat";
    frame.src = frameUrl(true);
    holder.appendChild(frame);
    var bubble = document.createElement("button");
    bubble.className = "woot-widget-bubble" + side;
    bubble.setAttribute("aria-label", settings.launcherTitle || "Chat with us");
    bubble.hidden = !!settings.hideMessageBubble;
    document.body.appendChild(holder);
    document.body.appendChild(bubble);
    function send(event, payload) {
      if (frame.contentWindow) frame.contentWindow.postMessage(PREFIX + JSON.stringify(Object.assign({ event: event }, payload)), "*");
    }
    var api = window.$chatwoot = {
      baseUrl: baseUrl, websiteToken: token, hasLoaded: false, isOpen: false, resetTriggered: false,
      position: side ? "left" : "right", locale: settings.locale || "en", hideMessageBubble: !!settings.hideMessageBubble,
      toggle: function (state) {
        var open = state === "open" ? true : state === "close" ? false : !api.isOpen;
        if (open === api.isOpen) return;
        api.isOpen = open;
        holder.classList.toggle("woot--hide", !open);
        send("toggle-open", { isOpen: open });
        emit(open ? "chatwoot:opened" : "chatwoot:closed");
      },
      toggleBubbleVisibility: function (visibility) { bubble.hidden = visibility === "hide"; },
      setUser: function (identifier, user) {
        if (typeof identifier !== "string" && typeof identifier !== "number") throw new Error("Identifier should be a string or a number");
        if (!user || !(user.email || user.name || user.avatar_url)) throw new Error("User object should have one of the keys [avatar_url, email, name]");
        var stored = digest([user.avatar_url, user.email, user.name, user.identifier_hash, identifier].join("|"));
        var skipped = getCookie(userCookie) === stored;
        record("setUser", { identifier: identifier, skipped: skipped ? 1 : 0, loaded: api.hasLoaded ? 1 : 0 });
        if (skipped) return;
        api.identifier = identifier;
        api.user = user;
        send("set-user", { identifier: identifier, user: user });
        setCookie(userCookie, stored);
      },
      reset: function () {
        record("reset");
        if (api.isOpen) api.toggle("close");
        removeCookie("cw_conversation");
        removeCookie(userCookie);
        api.resetTriggered = true;
        frame.src = frameUrl(false);
      },
      setLocale: function (locale) { api.locale = locale || "en"; send("set-locale", { locale: api.locale }); },
    };
    bubble.onclick = function () { api.toggle(); };
    window.addEventListener("message", function (e) {
      if (e.source !== frame.contentWindow || typeof e.data !== "string" || e.data.indexOf(PREFIX) !== 0) return;
      var message = JSON.parse(e.data.slice(PREFIX.length));
      if (message.event === "loaded") {
        setCookie("cw_conversation", message.config.authToken);
        api.hasLoaded = true;
        bubble.style.background = message.config.channelConfig.widgetColor;
        send("config-set", { locale: api.locale });
        // Chatwoot re-sends the stored user object here, without its identifier.
        if (api.user) send("set-user", api.user);
        if (!api.resetTriggered) emit("chatwoot:ready");
      } else if (message.event === "setAuthCookie") setCookie("cw_conversation", message.data.widgetAuthToken);
      else if (message.event === "error") {
        removeCookie(userCookie);
        emit("chatwoot:error", message.data);
      } else if (message.event === "onMessage") emit("chatwoot:on-message", message.data);
    });
    record("run");
  } };
})();
`;

const WIDGET_SOURCE = String.raw`(function () {
  var PREFIX = "${PREFIX}";
  var channel = window.chatwootWebChannel;
  var authToken = window.authToken;
  var REPLY = { in_a_few_minutes: "Typically replies in a few minutes", in_a_few_hours: "Typically replies in a few hours", in_a_day: "Typically replies in a day" };
  function post(event, extra) { parent.postMessage(PREFIX + JSON.stringify(Object.assign({ event: event }, extra)), "*"); }
  function el(tag, className, content) { var node = document.createElement(tag); node.className = className; node.textContent = content || ""; return node; }
  var style = document.createElement("style");
  style.textContent = "body{margin:0;font:14px/1.45 system-ui,sans-serif;color:#1f2937;background:#f4f6fb;height:100vh;display:flex;flex-direction:column}#app{display:contents}header{background:" + channel.widgetColor + ";color:#fff;padding:24px 20px}h1{font-size:20px;margin:0 0 6px}.tagline{margin:0 0 12px;opacity:.9}.reply{font-size:12px;opacity:.8}.thread{flex:1;padding:16px}.bubble{background:#fff;border-radius:12px;padding:10px 12px;box-shadow:0 1px 2px rgba(0,0,0,.08);max-width:85%}.who{font-size:12px;color:#6b7280;margin:10px 4px}footer{display:flex;gap:8px;padding:12px;background:#fff;border-top:1px solid #e5e7eb}footer input{flex:1;border:1px solid #d1d5db;border-radius:8px;padding:10px}footer button{border:0;border-radius:8px;padding:0 14px;color:#fff;background:" + channel.widgetColor + "}";
  document.head.appendChild(style);
  var app = document.getElementById("app");
  app.textContent = "";
  var header = el("header", "");
  header.appendChild(el("h1", "", channel.welcomeTitle || channel.inboxName));
  header.appendChild(el("p", "tagline", channel.welcomeTagline || ""));
  header.appendChild(el("div", "reply", REPLY[channel.replyTime] || ""));
  var thread = el("main", "thread");
  thread.appendChild(el("div", "bubble", "Start a conversation: we are here to help."));
  var who = el("div", "who", "");
  who.setAttribute("data-testid", "widget-identity");
  thread.appendChild(who);
  var footer = el("footer", "");
  var input = el("input", "");
  input.placeholder = "Type your message…";
  footer.appendChild(input);
  footer.appendChild(el("button", "", "Send"));
  app.appendChild(header);
  app.appendChild(thread);
  app.appendChild(footer);
  function setUser(body) {
    var url = "/api/v1/widget/contact/set_user?website_token=" + encodeURIComponent(channel.websiteToken);
    fetch(url, { method: "PATCH", headers: { "Content-Type": "application/json", "X-Auth-Token": authToken }, body: JSON.stringify(body) })
      .then(function (response) { return response.json().then(function (data) { return { ok: response.ok, data: data }; }); })
      .then(function (result) {
        if (!result.ok) return post("error", { errorType: "SET_USER_ERROR", data: result.data });
        if (result.data.widget_auth_token) {
          authToken = result.data.widget_auth_token;
          post("setAuthCookie", { data: { widgetAuthToken: authToken } });
        }
        who.textContent = "Chatting as " + (result.data.name || result.data.email);
      });
  }
  window.addEventListener("message", function (e) {
    if (e.source !== parent || typeof e.data !== "string" || e.data.indexOf(PREFIX) !== 0) return;
    var message = JSON.parse(e.data.slice(PREFIX.length));
    if (message.event === "set-user") setUser(Object.assign({ identifier: message.identifier }, message.user));
    if (message.event === "toggle-open") document.body.setAttribute("data-open", String(message.isOpen));
  });
  post("loaded", { config: { authToken: authToken, channelConfig: channel } });
})();
`;

/**
 * Dead code shaped like a minified bundle (identifiers, property chains, string literals), from a
 * fixed seed, so it compresses about as well as real JavaScript does.
 */
function filler(seed: number, rawBytes: number): string {
  const words =
    "state props emit render value index message conversation contact inbox payload config locale agent status unread typing scroll theme campaign attachment avatar label".split(
      " ",
    );
  let x = seed;
  const next = (n: number) => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % n;
  const word = () => words[next(words.length)] as string;
  // Upper-case first letters: never a reserved word such as `in` or `do`.
  const id = () => String.fromCharCode(65 + next(26)) + next(36 ** 2).toString(36);
  const lines: string[] = [];
  for (let n = 0, length = 0; length < rawBytes; n++) {
    lines.push(
      `function _${n.toString(36)}(${id()},t){var e=t.${word()}[${next(999)}]||${id()}.${word()}(${next(99999)});` +
        `if(e&&e.${word()}!==${next(99999)})return ${id()}.${word()}(e,"${id()}${id()}${id()}");return t.${word()}*${next(999)}}`,
    );
    length += (lines.at(-1) as string).length + 1;
  }
  return lines.join("\n");
}

let cached: { sdk: string; widget: string } | undefined;

function scripts() {
  if (cached) return cached;
  const sdk = `${SDK_SOURCE}\n${filler(7, SDK_RAW_BYTES - SDK_SOURCE.length)}\n`;
  // This filler compresses about 3.2 to 1, like minified bundles (the widget SDK tests check the result).
  const widget = `${WIDGET_SOURCE}\n${filler(11, WIDGET_GZIP_TARGET_BYTES * 3.22)}\n`;
  cached = { sdk, widget };
  return cached;
}

/** The storefront SDK stand-in (served at `/packs/js/sdk.js`). */
export function sdkScript(_core: SimCore): string | undefined {
  return scripts().sdk;
}

const JS = "text/javascript; charset=utf-8";

/** The widget iframe's script and the stand-in's call log (one line in routes.ts serves them). */
export const widgetSdkRoutes: Route[] = [
  publicRoute("GET", "/packs/js/widget.js", () => text(200, scripts().widget, JS)),
  // sendBeacon posts text/plain cross-origin without a preflight; the request log keeps the query.
  publicRoute("POST", SDK_CALLS_PATH, () => noContent()),
];

export interface SdkCall {
  kind: "run" | "setUser" | "reset";
  websiteToken: string;
  identifier?: string;
  /** setUser only: skipped because `cw_user_<token>` already held this user. */
  skipped?: boolean;
  /** setUser only: the widget iframe had already said it loaded (earlier messages can be lost). */
  loaded?: boolean;
  at: number;
}

/** The stand-in's run/setUser/reset calls, from the request log (`sim.state` or `GET /__sim/state`). */
export function sdkCalls(state: { requests: ReadonlyArray<{ path: string; query: string; at: number }> }): SdkCall[] {
  return state.requests
    .filter((r) => r.path === SDK_CALLS_PATH)
    .map((r) => {
      const q = new URLSearchParams(r.query);
      return {
        kind: q.get("kind") as SdkCall["kind"],
        websiteToken: q.get("website_token") ?? "",
        ...(q.has("identifier") ? { identifier: q.get("identifier")! } : {}),
        ...(q.has("skipped") ? { skipped: q.get("skipped") === "1" } : {}),
        ...(q.has("loaded") ? { loaded: q.get("loaded") === "1" } : {}),
        at: r.at,
      };
    });
}
