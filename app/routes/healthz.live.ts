/** Liveness only: answers as long as the process serves HTTP. No database, no auth. */
export function loader() {
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
