/**
 * How much text the page gate hands the background in one message (src/page/gate.ts, checked where it
 * arrives in src/messaging/messages.ts). A run longer than a message may carry is not split (a term
 * could be cut in two): the gate opens on it instead, which is always safe.
 */
export const GATE_TEXT_CHARS = 100_000;
/** Runs per message, and the characters a batch gathers before it is sent. */
export const GATE_TEXT_RUNS = 2_000;
export const GATE_BATCH_CHARS = 64_000;
/** What the gate sends in place of a run too long for one message: the background opens on it. */
export const OPEN_ANYWAY = '\u0000open';
