import type { FakeTheme } from "./themes";

/** Stores the fake Admin API knows. The sandbox's demo shop, plus whatever a test adds. */
export interface FakeShop {
  domain: string;
  name: string;
  email: string;
  contactEmail: string;
  ownerName: string;
  primaryDomain: string;
  locale: string;
  brandColor: string | null;
  appInstallationId: string;
  /** The store's themes; a fresh live theme without the app embed until set (see themes.ts). */
  themes?: FakeTheme[];
}

export function fakeShop(domain: string, overrides: Partial<FakeShop> = {}): FakeShop {
  const handle = domain.replace(/\.myshopify\.com$/, "");
  const title = handle.replace(/[-_]+/g, " ").replace(/\b\w/g, (c) => c.toUpperCase());
  return {
    domain,
    name: title,
    email: `owner@${handle}.example`,
    contactEmail: `support@${handle}.example`,
    ownerName: "Sam Owner",
    primaryDomain: `https://${handle}.example`,
    locale: "en",
    brandColor: "#0b6e4f",
    appInstallationId: `gid://shopify/AppInstallation/${Math.abs(hash(domain))}`,
    ...overrides,
  };
}

export const DEMO_SHOP = fakeShop("demo-store.myshopify.com", {
  name: "Demo Store",
  email: "merchant@demo-store.example",
  contactEmail: "help@demo-store.example",
  ownerName: "Dana Demo",
  primaryDomain: "https://demo-store.example",
});

function hash(text: string): number {
  let h = 7;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}
