import type { EndState, MachineContext } from './process-machine.js';

export type ApprovalStatus = 'pending' | EndState;

/**
 * What a record carries of its approval (`_workflow`, kept by the engine, never written by
 * clients): the process and the version it runs on, where it stands, and the machine's persisted
 * snapshot, from which the next event continues, whatever restarted in between.
 */
export interface ApprovalState {
  process: string;
  version: number;
  status: ApprovalStatus;
  /** The step waiting for responses; null once the process ended. */
  step: string | null;
  stepStartedAt: string | null;
  submittedBy: string;
  submittedAt: string;
  machine: { value: unknown; context: MachineContext };
}

/** The engine's fields on a record in approval: its state, everyone ever asked to approve it (who may read it for that), the lock. */
export interface ApprovalMarks {
  _workflow?: ApprovalState;
  _approvers?: string[];
  _locked?: boolean;
}
