/** Links into the Shopify admin; the store handle is the myshopify subdomain. */
export function storeHandle(shop: string): string {
  return shop.replace(/\.myshopify\.com$/, "");
}

export function customerAdminUrl(shop: string, customerId: string): string {
  return `https://admin.shopify.com/store/${storeHandle(shop)}/customers/${customerId}`;
}

export function orderAdminUrl(shop: string, orderId: string): string {
  return `https://admin.shopify.com/store/${storeHandle(shop)}/orders/${orderId}`;
}
