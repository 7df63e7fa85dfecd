import type { BrandPalette } from "./brand-color";

/** The page's whole stylesheet: system fonts, one column, sized for Chatwoot's conversation panel. */
export function pageStyles({ brand, onBrand, link }: BrandPalette): string {
  return `:root{--brand:${brand};--on-brand:${onBrand};--link:${link};--ink:#1f2d3d;--muted:#5d6b7a;--line:#e4e8ed;--soft:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Inter,Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:#fff}
main{padding:12px;max-width:720px}
a{color:var(--link);text-decoration:none}
a:hover,a:focus-visible{text-decoration:underline}
button{font:inherit;cursor:pointer;border-radius:6px;padding:5px 10px;border:1px solid var(--line);background:#fff;color:var(--ink)}
button:hover{background:var(--soft)}
button:disabled{opacity:.6;cursor:default}
:focus-visible{outline:2px solid var(--brand);outline-offset:2px}
.state{color:var(--muted);padding:24px 4px;text-align:center}
.state.error{color:#9b1c1c}
.state button{margin-top:10px}
.card{border:1px solid var(--line);border-radius:8px;padding:12px;margin-bottom:10px}
.customer{border-top:4px solid var(--brand)}
.head{display:flex;align-items:flex-start;justify-content:space-between;gap:8px}
h1{font-size:16px;margin:0 0 2px;font-weight:600}
h2{font-size:14px;margin:0;font-weight:600}
.muted{color:var(--muted)}
.small{font-size:12px}
.row{display:flex;flex-wrap:wrap;gap:4px 12px;margin-top:6px}
.tier{background:var(--brand);color:var(--on-brand);border-radius:10px;padding:1px 9px;font-size:12px;font-weight:600;white-space:nowrap}
.tags{display:flex;flex-wrap:wrap;gap:4px;margin-top:8px}
.tag{background:var(--soft);border:1px solid var(--line);border-radius:4px;padding:0 6px;font-size:12px}
.verified{display:inline-flex;align-items:center;gap:4px;margin-top:8px;color:#0f6b3a;background:#e6f6ec;border-radius:4px;padding:2px 8px;font-size:12px;font-weight:600}
.caution{margin-top:8px;color:#7a4b00;background:#fff6e0;border-radius:4px;padding:6px 8px;font-size:12px}
.fresh{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:6px;margin-top:10px;padding-top:10px;border-top:1px solid var(--line)}
.fresh button{font-size:12px}
.notice{margin-top:6px;font-size:12px;color:var(--muted)}
.badges{display:flex;flex-wrap:wrap;gap:4px}
.badge{border-radius:10px;padding:0 8px;font-size:12px;white-space:nowrap;background:#eef1f4;color:#3c4a57}
.badge.good{background:#e6f6ec;color:#0f6b3a}
.badge.warn{background:#fff3d6;color:#7a4b00}
.badge.bad{background:#fde8e8;color:#9b1c1c}
.order .meta{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;margin:4px 0 8px}
.total{font-weight:600;white-space:nowrap}
ul{list-style:none;margin:0;padding:0}
.items li{display:flex;justify-content:space-between;gap:8px;padding:3px 0;border-top:1px dashed var(--line)}
.items li:first-child{border-top:0}
.variant{color:var(--muted);font-size:12px}
.tracking{margin-top:8px;font-size:13px}
.tracking li{padding:1px 0}
.refund{margin-top:6px;font-size:12px;color:#9b1c1c}
.more{display:block;width:100%;margin-top:4px}
.suggestion{border-left:4px solid #e0a100}
`;
}
