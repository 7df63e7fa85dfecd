import { attributeDefinitionRoutes } from "./attribute-definitions";
import { contactRoutes } from "./contacts";
import { contactQueryRoutes } from "./contacts-query";
import { conversationRoutes, profileRoutes } from "./conversations";
import { dashboardAppRoutes } from "./dashboard-apps";
import { inboxRoutes } from "./inboxes";
import { platformAccountUserRoutes } from "./platform-account-users";
import { platformAccountRoutes } from "./platform-accounts";
import { platformUserRoutes } from "./platform-users";
import { Router } from "./router";
import { widgetApiRoutes } from "./widget-api";
import { widgetPageRoutes } from "./widget-page";
import { widgetSdkRoutes } from "./widget-sdk";

/** Every Chatwoot endpoint the simulator answers. Order matters only where a static segment could be read as an id. */
export const router = new Router([
  ...platformAccountRoutes,
  ...platformAccountUserRoutes,
  ...platformUserRoutes,
  ...profileRoutes,
  ...inboxRoutes,
  ...contactQueryRoutes,
  ...contactRoutes,
  ...attributeDefinitionRoutes,
  ...dashboardAppRoutes,
  ...conversationRoutes,
  ...widgetApiRoutes,
  ...widgetPageRoutes,
  ...widgetSdkRoutes,
]);
