import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { ConflictsCard, DeadLetterCard, ResyncCard, SyncStatsCard, TierForm } from "~/components/SyncCards";
import { db } from "~/db.server";
import { authenticate, queue } from "~/shopify.server";
import { syncAdminActionsFactory } from "~/sync/admin-actions.server";
import { getSyncOverview } from "~/sync/sync-overview.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { session } = await authenticate.admin(request);
  return getSyncOverview({ db: db(), queue }, session.shop);
}

export async function action({ request }: ActionFunctionArgs) {
  const { session } = await authenticate.admin(request);
  const form = Object.fromEntries(await request.formData());
  const result = await syncAdminActionsFactory({ db: db(), queue })(session.shop, form);
  return json({ ...result, intent: String(form.intent ?? "") }, { status: result.ok ? 200 : 400 });
}

export default function SyncPage() {
  const overview = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const errors = result && !result.ok ? result.errors : {};
  return (
    <Page title="Sync">
      <TitleBar title="Sync" />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.ok && <Banner tone="success">{result.message}</Banner>}
            <SyncStatsCard overview={overview} />
            <DeadLetterCard jobs={overview.deadJobs} busy={busy} error={errors.jobId} />
            <ConflictsCard conflicts={overview.conflicts} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <ResyncCard busy={busy} error={errors.customer} />
            <TierForm thresholds={overview.thresholds} errors={result?.intent === "tiers" ? errors : {}} busy={busy} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
