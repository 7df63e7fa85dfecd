import type { SimulatorLogger } from "./types";

interface PendingJob {
  name: string;
  timer: NodeJS.Timeout;
  run: () => void;
}

/**
 * Stand-in for Sidekiq's `DeleteObjectJob`: Chatwoot answers DELETE at once and destroys the
 * record later, so the record stays readable and usable until the job runs.
 */
export class JobQueue {
  private readonly pending = new Map<number, PendingJob>();
  private sequence = 0;

  constructor(
    private readonly delayMs: number,
    private readonly log: SimulatorLogger,
  ) {}

  schedule(name: string, run: () => void): void {
    const id = ++this.sequence;
    const timer = setTimeout(() => this.runOne(id), this.delayMs);
    timer.unref();
    this.pending.set(id, { name, timer, run });
  }

  /** Runs every queued job now, for tests that do not want to wait. */
  drain(): void {
    for (const id of [...this.pending.keys()]) this.runOne(id);
  }

  cancelAll(): void {
    for (const job of this.pending.values()) clearTimeout(job.timer);
    this.pending.clear();
  }

  get size(): number {
    return this.pending.size;
  }

  private runOne(id: number): void {
    const job = this.pending.get(id);
    if (!job) return;
    clearTimeout(job.timer);
    this.pending.delete(id);
    job.run();
    this.log("job done", { job: job.name });
  }
}
