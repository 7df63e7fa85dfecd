import { Drop } from "liquidjs";

/** An app-data metafield as Shopify stores it: the value is always a string on the wire. */
export interface StoredAppMetafield {
  namespace: string;
  key: string;
  type: string;
  value: string;
}

/**
 * Shopify's metafield object: `{{ m }}` prints the stored value, `m.value` is typed (a boolean for
 * `boolean`, a number for `number_*`), and the object itself is truthy even when the value is
 * `false`, which is why the block compares `.value`.
 */
export class MetafieldDrop extends Drop {
  constructor(
    readonly type: string,
    private readonly raw: string,
  ) {
    super();
  }

  get value(): unknown {
    if (this.type === "boolean") return this.raw === "true";
    if (this.type === "number_integer" || this.type === "number_decimal") return Number(this.raw);
    if (this.type === "json") return JSON.parse(this.raw) as unknown;
    return this.raw;
  }

  override valueOf(): string {
    return this.raw;
  }
}

/** `app.metafields.<namespace>.<key>` for the app installation's metafields. */
export function appObject(metafields: readonly StoredAppMetafield[]) {
  const byNamespace: Record<string, Record<string, MetafieldDrop>> = {};
  for (const m of metafields) {
    (byNamespace[m.namespace] ??= {})[m.key] = new MetafieldDrop(m.type, m.value);
  }
  return { metafields: byNamespace };
}

/** A storefront customer as Liquid's `customer` object exposes the fields the block reads. */
export interface StorefrontCustomer {
  id: number;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
}

export function customerObject(customer: StorefrontCustomer | undefined) {
  if (!customer) return null;
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ");
  return { ...customer, name, has_account: true };
}

/** Liquid's `request` (with its `locale`, a shop_locale) and `template` objects for one page view. */
export function requestObjects(input: {
  locale: string;
  primaryLocale: string;
  pageType: string;
  designMode: boolean;
  host: string;
  path: string;
}) {
  const [directory, name] = input.pageType.includes("/") ? input.pageType.split("/") : [null, input.pageType];
  return {
    request: {
      locale: {
        iso_code: input.locale,
        primary: input.locale === input.primaryLocale,
        root_url: input.locale === input.primaryLocale ? "/" : `/${input.locale}`,
      },
      page_type: input.pageType,
      design_mode: input.designMode,
      host: input.host,
      path: input.path,
    },
    template: { name, directory, suffix: null },
  };
}
