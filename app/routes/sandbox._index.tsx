import { useEffect } from "react";
import { useFetcher, useLoaderData, useRevalidator } from "@remix-run/react";
import { AppProvider, Page, Text } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { ProvisioningChecklist } from "~/components/ProvisioningChecklist";
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

export async function action() {
  void provisioning.retry(requireSandboxShop());
  return { ok: true };
}

export default function SandboxHome() {
  const { view, themeEditorUrl, chatwootUrl } = useLoaderData<typeof loader>();
  const fetcher = useFetcher();
  const revalidator = useRevalidator();
  const busy = view.status === "running" || view.status === "pending" || fetcher.state !== "idle";
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 1000);
    return () => clearInterval(timer);
  }, [busy, revalidator]);

  return (
    <AppProvider i18n={en}>
      <Page title={`Sandbox: ${view.shop}`} subtitle={`Chatwoot: ${chatwootUrl}`}>
        <ProvisioningChecklist
          view={view}
          themeEditorUrl={themeEditorUrl}
          onRetry={() => fetcher.submit({}, { method: "post" })}
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
