// A worker in its own process for the contract suite's crash test: it claims "crash.slow" jobs,
// says so on stdout, and never finishes them. The test kills it with SIGKILL.
import { buildQueueFromEnv, QUEUE_TEST_TIMINGS } from "./queue-harness";

const { queue } = buildQueueFromEnv(process.env);

await queue.start(
  {
    "crash.slow": (async (payload: { n: number }) => {
      console.log(`started ${payload.n}`);
      await new Promise(() => {}); // hangs until the process is killed
    }) as never,
  },
  { concurrency: 8, pollIntervalMs: QUEUE_TEST_TIMINGS.pollIntervalMs },
);
console.log("worker ready");
