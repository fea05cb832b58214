/** A demo user: who signs in, in which role, with the password generated for this demo tenant (printed once). */
export interface DemoUser {
  readonly email: string;
  readonly role: string | null;
  readonly password: string;
}

/** A pack the demo installed, and how many demo records it made. */
export interface DemoPack {
  readonly name: string;
  readonly version: string;
  readonly records: number;
}

/** A pack of the packs folder the demo could not install, and why (in English: a line for the operator). */
export interface SkippedPack {
  readonly name: string;
  readonly reason: string;
}

/** What the demo tenant's first start made. */
export interface DemoTenant {
  readonly installed: readonly DemoPack[];
  readonly skipped: readonly SkippedPack[];
  readonly users: readonly DemoUser[];
  /** How long the whole demo took, in milliseconds. */
  readonly ms: number;
}
