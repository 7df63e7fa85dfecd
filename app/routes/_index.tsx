import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

/** Shopify opens the app with ?shop=…; everything else sees a short description. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) throw redirect(`/app?${url.searchParams.toString()}`);
  return null;
}

export default function Landing() {
  return (
    <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: 640, margin: "4rem auto", lineHeight: 1.5 }}>
      <h1>Chatwoot for Shopify</h1>
      <p>
        Gives each of your Shopify stores its own Chatwoot account, a storefront chat that knows your logged-in
        customers, and an order history beside every conversation. Install it from the Shopify App Store or your Partner
        Dashboard.
      </p>
    </main>
  );
}
