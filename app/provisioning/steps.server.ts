import { accountStep } from "./step-account.server";
import { attributesStep } from "./step-attributes.server";
import { dashboardAppStep } from "./step-dashboard-app.server";
import { inboxStep } from "./step-inbox.server";
import { merchantStep } from "./step-merchant.server";
import { serviceUserStep } from "./step-service-user.server";
import { shopDetailsStep } from "./step-shop-details.server";
import { storefrontSettingsStep } from "./step-storefront-settings.server";
import type { StepDefinition } from "./types";

/** The provisioning steps, in the order they run. Each one is safe to run again. */
export const PROVISIONING_STEPS: readonly StepDefinition[] = [
  shopDetailsStep,
  accountStep,
  serviceUserStep,
  merchantStep,
  inboxStep,
  attributesStep,
  dashboardAppStep,
  storefrontSettingsStep,
];
