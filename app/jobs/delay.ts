/** A pause that a caller can cut short: the worker loop sleeps on it and enqueue or stop wakes it. */
export function createWakeableDelay() {
  let wakeUp: (() => void) | undefined;
  // A wake that arrives while nobody waits (the loop is busy claiming) makes the next wait short.
  let woken = false;
  return {
    wait(ms: number): Promise<void> {
      if (woken) {
        woken = false;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wakeUp = undefined;
          resolve();
        }
        wakeUp = done;
      });
    },
    wake() {
      if (wakeUp) wakeUp();
      else woken = true;
    },
  };
}

/** Sleeps, rejecting with the signal's reason when it aborts first (the Chatwoot client's timer). */
export { sleepWithSignal as sleep } from "~/lib/sleep";

/** Resolves true when the promise settles within ms, false when the time runs out first. */
export async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
