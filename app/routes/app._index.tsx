import { useEffect } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { BlockStack, Page } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { OrderPanelLinkCard } from "~/components/OrderPanelLinkCard";
import { ProvisioningChecklist } from "~/components/ProvisioningChecklist";
import { usePolling } from "~/components/usePolling";
import { env } from "~/env.server";
import { themeEditorLink } from "~/provisioning/open-chatwoot.server";
import { authenticate, logger, provisioning, widget } from "~/shopify.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { session, admin } = await authenticate.admin(request);
  const view = await provisioning.view(session.shop);
  // The theme check is an Admin API call: skip it while the page polls a running provisioning.
  const embed = view.status === "provisioned" ? await widget.embedStatus(admin) : { state: "unknown" as const };
  return {
    view,
    embedEnabled: embed.state === "unknown" ? null : embed.state === "enabled",
    themeEditorUrl: themeEditorLink(session.shop, env().SHOPIFY_API_KEY),
  };
}

const REPLACE_LINK_MESSAGES = {
  replaced: "The Order history panel has a new address. The old one no longer works.",
  not_ready: "Your Chatwoot account is not ready yet.",
  busy: "Setup is running right now. Try again when it has finished.",
  failed: "The old address no longer works, but Chatwoot did not take the new one. Press Retry above.",
} as const;

export async function action({ request }: ActionFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const intent = (await request.formData()).get("intent");
  if (intent === "retry") {
    void provisioning.retry(session.shop);
    return { ok: true as const };
  }
  if (intent === "open-chatwoot") {
    try {
      const url = await provisioning.openChatwoot(session.shop);
      return url
        ? { ok: true as const, url }
        : { ok: false as const, error: "Your Chatwoot account is not ready yet." };
    } catch (error) {
      logger.warn("sign-in link failed", { shop: session.shop, error });
      return { ok: false as const, error: "Chatwoot did not give us a sign-in link. Try again in a moment." };
    }
  }
  if (intent === "replace-order-view-link") {
    const outcome = await provisioning.replaceOrderViewLink(session.shop);
    return { ok: outcome === "replaced", intent, message: REPLACE_LINK_MESSAGES[outcome] };
  }
  throw new Response("Unknown action", { status: 400 });
}

export default function Home() {
  const { view, themeEditorUrl, embedEnabled } = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof action>();
  const linkFetcher = useFetcher<typeof action>();
  const busy = view.status === "running" || view.status === "pending" || fetcher.state !== "idle";

  // Poll while provisioning runs so the checklist moves without a reload.
  usePolling(busy, 1500);

  useEffect(() => {
    if (fetcher.data && "url" in fetcher.data && fetcher.data.url) window.open(fetcher.data.url, "_blank", "noopener");
  }, [fetcher.data]);

  return (
    <Page title="Chatwoot">
      <TitleBar title="Chatwoot" />
      <BlockStack gap="400">
        <ProvisioningChecklist
          view={view}
          themeEditorUrl={themeEditorUrl}
          embedEnabled={embedEnabled}
          onRetry={() => fetcher.submit({ intent: "retry" }, { method: "post" })}
          onOpenChatwoot={() => fetcher.submit({ intent: "open-chatwoot" }, { method: "post" })}
          actionError={fetcher.data && !fetcher.data.ok && "error" in fetcher.data ? fetcher.data.error : undefined}
          busy={fetcher.state !== "idle"}
        />
        {view.status === "provisioned" && (
          <OrderPanelLinkCard
            onReplace={() => linkFetcher.submit({ intent: "replace-order-view-link" }, { method: "post" })}
            busy={linkFetcher.state !== "idle"}
            result={
              linkFetcher.data?.message ? { ok: linkFetcher.data.ok, message: linkFetcher.data.message } : undefined
            }
          />
        )}
      </BlockStack>
    </Page>
  );
}
