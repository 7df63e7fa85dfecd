/**
 * The store's color, made safe for the page: only #rgb / #rrggbb reach the stylesheet, text on the
 * color is black or white by contrast, and links use the color only where it is readable on white.
 */
const FALLBACK = "#1f93ff"; // Chatwoot's own blue
const LINK_FALLBACK = "#1f5fbf";

function channels(hex: string): [number, number, number] {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join("")}` : hex;
  return [1, 3, 5].map((i) => parseInt(full.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/** WCAG relative luminance. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

export interface BrandPalette {
  brand: string;
  onBrand: string;
  link: string;
}

export function brandPalette(color: string | null | undefined): BrandPalette {
  const brand = color && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(color) ? color.toLowerCase() : FALLBACK;
  const l = luminance(brand);
  return {
    brand,
    onBrand: contrast(l, 1) >= contrast(l, 0) ? "#ffffff" : "#111111",
    link: contrast(l, 1) >= 4.5 ? brand : LINK_FALLBACK,
  };
}
