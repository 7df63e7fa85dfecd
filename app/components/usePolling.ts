import { useEffect } from "react";
import { useRevalidator } from "@remix-run/react";

/** Re-runs the page's loaders every `intervalMs` while `active`, so progress shows without a reload. */
export function usePolling(active: boolean, intervalMs: number) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs, revalidator]);
}
