// A user's service deployed to the emulator with `serverless deploy --stage <stage>`, and what a
// test needs from the stack. Contract seam: bodies are filled in by the kit's deploy work.

export interface DeployOptions {
  readonly stage: string;
  /** Output of `serverless deploy`/`remove` as it comes (quiet by default). */
  readonly onOutput?: (chunk: string) => void;
  readonly timeoutMs?: number;
}

export interface DeployedService {
  readonly serviceDir: string;
  readonly stage: string;
  readonly stackName: string;
  /** Every output of the stack, by output key. */
  readonly outputs: Readonly<Record<string, string>>;
  /** Physical names by the name declared in `state:`: tables (incl. idempotency's), buses, caches. */
  readonly tables: Readonly<Record<string, string>>;
  readonly buses: Readonly<Record<string, string>>;
  /** State machine ARNs by workflow name. */
  readonly workflows: Readonly<Record<string, string>>;
  /** Deployed Lambda function names by the name in `functions:`. */
  readonly functions: Readonly<Record<string, string>>;
  /** `serverless remove --stage <stage>` of this service. */
  remove(): Promise<void>;
}

/** `serverless deploy --stage <stage>` of the service in `serviceDir` onto the emulator. */
export function deploy(serviceDir: string, options: DeployOptions): Promise<DeployedService> {
  void serviceDir;
  void options;
  throw new Error('deploy: not built yet');
}

/** `serverless remove --stage <stage>` of the service in `serviceDir`. */
export function remove(serviceDir: string, options: DeployOptions): Promise<void> {
  void serviceDir;
  void options;
  throw new Error('remove: not built yet');
}
