/** A step failure whose message is already written for the merchant. */
export class ProvisioningStepError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ProvisioningStepError";
  }
}

/** Another instance took the store's provisioning lease over; this run must stop quietly. */
export class LeaseLostError extends Error {
  constructor(shop: string) {
    super(`provisioning lease for ${shop} was taken over`);
    this.name = "LeaseLostError";
  }
}
