import { withStoreHosts } from "~/widget/allowed-domains";

describe("the widget's allowed domains with the store's hosts", () => {
  it.each<{ name: string; current: string | null; hosts: string[]; expected: string | null }>([
    {
      name: "a new primary domain is added after the ones listed",
      current: "old.example,alpha.myshopify.com",
      hosts: ["www.new-brand.example", "alpha.myshopify.com"],
      expected: "old.example,alpha.myshopify.com,www.new-brand.example",
    },
    {
      name: "hosts already listed, in any case or spacing, change nothing",
      current: " Shop.Example , alpha.myshopify.com",
      hosts: ["shop.example", "alpha.myshopify.com"],
      expected: null,
    },
    {
      name: "a blank list stays blank: the widget may be framed anywhere",
      current: "",
      hosts: ["a.example"],
      expected: null,
    },
    { name: "no list at all is blank too", current: null, hosts: ["a.example"], expected: null },
    {
      name: "a host repeated in the input is added once",
      current: "a.example",
      hosts: ["b.example", "B.example"],
      expected: "a.example,b.example",
    },
  ])("$name", ({ current, hosts, expected }) => {
    expect(withStoreHosts(current, hosts)).toBe(expected);
  });
});
