import { useEffect } from "react";
import type { ActionFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { AppProvider, Page, Text } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { ProvisioningChecklist } from "~/components/ProvisioningChecklist";
import { usePolling } from "~/components/usePolling";
import { env } from "~/env.server";
import { themeEditorLink } from "~/provisioning/open-chatwoot.server";
import { requireSandboxShop } from "~/sandbox/guard.server";
import { provisioning } from "~/shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

/** The sandbox's view of the demo store: the same checklist the Shopify admin home shows. */
export async function loader() {
  const shop = requireSandboxShop();
  return {
    view: await provisioning.view(shop),
    themeEditorUrl: themeEditorLink(shop, env().SHOPIFY_API_KEY),
    chatwootUrl: env().CHATWOOT_PUBLIC_URL ?? env().CHATWOOT_BASE_URL,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const shop = requireSandboxShop();
  if ((await request.formData()).get("intent") === "open-chatwoot") {
    const url = await provisioning.openChatwoot(shop);
    return { url };
  }
  void provisioning.retry(shop);
  return { url: undefined };
}

export default function SandboxHome() {
  const { view, themeEditorUrl, chatwootUrl } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const busy = view.status === "running" || view.status === "pending" || fetcher.state !== "idle";
  usePolling(busy, 1000);
  useEffect(() => {
    if (fetcher.data?.url) window.open(fetcher.data.url, "_blank", "noopener");
  }, [fetcher.data]);

  return (
    <AppProvider i18n={en}>
      <Page title={`Sandbox: ${view.shop}`} subtitle={`Chatwoot: ${chatwootUrl}`}>
        <ProvisioningChecklist
          view={view}
          themeEditorUrl={themeEditorUrl}
          onRetry={() => fetcher.submit({ intent: "retry" }, { method: "post" })}
          onOpenChatwoot={() => fetcher.submit({ intent: "open-chatwoot" }, { method: "post" })}
          busy={fetcher.state !== "idle"}
        />
        <div style={{ marginTop: 16 }}>
          <Text as="p" tone="subdued">
            This page exists only in the sandbox (SANDBOX_SHOP is set).
          </Text>
        </div>
      </Page>
    </AppProvider>
  );
}
