import type { ApprovalPhase, ApprovalResults } from './approvals-report.js';
import { ms, pct, row, times, us } from './report-format.js';
import type { ProfiledRun } from './results.js';

// The approval report's "where the time goes": the profiles side by side, how a request's cost
// moves along a walk, and the causes the numbers point to, in sentences built from them.

const APPROVES = ['approveManager', 'approveFinance'] as const;
const STORE_QUERIES = 'engine/store/embedded/transaction-collection.ts';

/** Areas of the profiles that tell the approval's own work apart from the write every request pays. */
const PARTS: { label: string; share: (p: ProfiledRun) => number }[] = [
  { label: 'approvals (engine/approvals)', share: (p) => area(p, 'engine/approvals') },
  { label: 'xstate', share: (p) => area(p, 'xstate') },
  { label: 'jsonata (entry criteria, `$today`)', share: (p) => area(p, 'jsonata') },
  { label: 'records (engine/records)', share: (p) => area(p, 'engine/records') },
  { label: 'store (engine/store/embedded), incl. the SQLite commit', share: (p) => area(p, 'engine/store/embedded') },
  { label: `the store's \`updateMany\` (${STORE_QUERIES})`, share: (p) => fn(p, 'updateMany', STORE_QUERIES) },
  { label: 'mingo (the store\'s projections)', share: (p) => area(p, 'mingo') },
  { label: 'SQLite commit', share: (p) => fn(p, 'commit', 'engine/store/embedded/sqlite-file.ts') },
  { label: 'security (tokens, access)', share: (p) => area(p, 'engine/security') },
  { label: 'GC (self time)', share: (p) => p.areas.find((a) => a.name === 'GC')?.share ?? 0 },
];
const area = (p: ProfiledRun, name: string) => p.areasInclusive.find((a) => a.name === name)?.share ?? 0;
/** A project function's share with callees; 0 below the summary's top 40. */
const fn = (p: ProfiledRun, name: string, where: string) => p.inclusive.find((f) => f.name === name && f.where === where)?.share ?? 0;

/** `goal`: the share of the plain update's rate the transitions must reach. */
export function whereTheTimeGoes(r: ApprovalResults, goal: number): string[] {
  const phases = (['updateBefore', 'submit', ...APPROVES] as const).filter((phase) => r.profiles[phase]);
  const lines = ['### Where the time goes', '', ...growth(r)];
  if (phases.length < 4) return lines;
  // Shares from the profiles (the profiler slows the server), microseconds from the main thread's
  // CPU per request in the measured runs.
  const main = (phase: ApprovalPhase) => (r.walks[phase].mainThreadMicros ?? r.walks[phase].cpuMicros) / r.walks[phase].sent;
  const each = (phase: ApprovalPhase, share: number) => share * main(phase);
  lines.push(
    `CPU profiles of the platform's main thread (sampling every 200 µs) while ${r.settings.profileRecords.toLocaleString('en')} more deals went through each phase after the measured runs;` +
      ' shares from the profiles, µs as those shares of the main thread\'s CPU per request in the measured runs. Each part counts with what it calls, so the rows overlap;' +
      ' an async function resumed after an await counts without its callers, so a part that awaits (the approval code does at every store call) shows less than it holds.',
    '',
    row(['part (with callees): µs/request (share)', ...phases]),
    row(['---', ...phases.map(() => '---:')]),
    row(['main thread in all', ...phases.map((phase) => us(main(phase)))]),
    ...PARTS.map((part) => row([part.label, ...phases.map((phase) => `${us(each(phase, part.share(r.profiles[phase]!)))} (${pct(part.share(r.profiles[phase]!))})`)])),
    '',
    ...phases
      .filter((phase) => phase !== 'updateBefore')
      .map(
        (phase) =>
          `Engine functions with their callees in \`${phase}\`, µs/request: ` +
          r.profiles[phase]!.inclusive.filter((f) => f.where.startsWith('engine/') && !f.where.startsWith('engine/http'))
            .slice(0, 8)
            .map((f) => `\`${f.name}\` (${f.where}) ${us(each(phase, f.share))}`)
            .join(', ') +
          '.\n',
      ),
    ...scan(r, main, goal),
    ...transitionCosts(r, main, goal),
    ...projections(r, main),
    `Profiled requests per phase: ${r.profiles.submit!.requests.toLocaleString('en')}. Set BENCH_PROFILE_DIR to keep the raw .cpuprofile files.`,
    '',
  );
  return lines;
}

/** Mean latency by tenth of each phase's requests: flat for a cost that does not grow with what came before. */
function growth(r: ApprovalResults): string[] {
  const phases = ['updateBefore', 'submit', ...APPROVES, 'updateAfter'] as const;
  return [
    `Mean latency (ms) of each tenth of a phase's ${r.settings.records.toLocaleString('en')} requests, in the order sent (a tenth is a round when there are ${r.settings.rounds === 10 ? 'ten, as here' : 'ten'}):`,
    '',
    row(['phase', ...Array.from({ length: 10 }, (_, k) => `${k + 1}`), 'last / first']),
    row(['---', ...Array.from({ length: 11 }, () => '---:')]),
    ...phases.map((phase) => {
      const t = r.walks[phase].tenths;
      return row([phase, ...t.map(ms), times(t[9]! / t[0]!)]);
    }),
    '',
  ];
}

/**
 * What the transitions would reach by CPU per request (all threads) if a share of their cost went:
 * in these runs the rates follow the CPU (the server's cores are the limit), which `tracking` shows.
 */
function byCpu(r: ApprovalResults, phase: ApprovalPhase, removedShare: number): number {
  return r.plain.cpuPerRequest / (r.walks[phase].cpuPerRequest * (1 - removedShare));
}
const tracking = (r: ApprovalResults, phase: ApprovalPhase = 'submit') =>
  `plain / ${phase} is ${times(r.plain.cpuPerRequest / r.walks[phase].cpuPerRequest)} by CPU per request and ${times(r.walks[phase].perSecond / r.plain.perSecond)} by rate`;

/** The approve's `updateMany` over the approver's work items, when the profiles show it dominating. */
function scan(r: ApprovalResults, main: (phase: ApprovalPhase) => number, goal: number): string[] {
  const share = (phase: ApprovalPhase) => fn(r.profiles[phase]!, 'updateMany', STORE_QUERIES);
  if (!APPROVES.some((phase) => share(phase) > 0.2)) return [];
  const held = (r.settings.warmupRecords + r.settings.records).toLocaleString('en');
  const missed = APPROVES.some((phase) => r.walks[phase].perSecond / r.plain.perSecond < goal);
  return [
    `**${missed ? 'Why the approvals miss the goal' : 'A cost that grows with the approver\'s history'}.** In ${APPROVES.map((phase) => `\`${phase}\` ${pct(share(phase))} of the main thread (${us(main(phase) * share(phase))} µs per request)`).join(' and ')}` +
      ` is one store call: the event marks the caller's pending items with \`updateMany({ record, status: 'pending', approver })\` (engine/approvals/approval-events.ts).` +
      ` The embedded store narrows a query by the first declared index whose field the filter pins (\`committedCandidates\` in ${STORE_QUERIES}), and the work items` +
      ' declare `by_approver` before `by_record` (engine/records/work-items.ts): the store takes every work item the approver holds, pending or closed, and tests each one' +
      ' against the filter to find the one of this record. A work item stays after its step, and the manager and the finance user are each asked about every deal: when its' +
      ` walk begins, each already holds ${held} items (the warm-up's, closed, and one pending per measured deal, opened by the submit or by the manager's approval).` +
      ' The cost is per item the approver holds, not per deal approved: an approver with years of closed items pays it on every decision, and approving n deals' +
      ' submitted to one approver costs n × n item tests. Submitting does not pay it (no `approver` in its queries).',
    '',
    '**What would help with it** (engine changes, not made here; any one removes the scan): the embedded store choosing the most selective pinned index' +
      ' (a value index knows how many ids each value holds) instead of the first declared; `by_record` declared before `by_approver`; or the event updating the items it has' +
      ' just read (`mine`, from `pendingItems` by record) by their `_id`s. Less the `updateMany` share, an approve would cost at most' +
      ` ${APPROVES.map((phase) => `${us(main(phase) * (1 - share(phase)))} µs (\`${phase}\`)`).join(' and ')} of main thread (the scan's garbage stays in the GC of this estimate),` +
      ` against ${us(main('submit'))} µs for a submit and ${us(main('updateBefore'))} µs for a plain update; by CPU per request (${tracking(r)}),` +
      ` at least ${APPROVES.map((phase) => `${times(byCpu(r, phase, share(phase)))} (\`${phase}\`)`).join(' and ')} of the plain update: removing the scan is necessary,` +
      ` and ${APPROVES.every((phase) => byCpu(r, phase, share(phase)) >= goal) ? 'by this estimate enough' : 'by this estimate not shown to be enough; what a submit pays beyond a plain update, below, an approve pays too'}.`,
    '',
  ];
}

const TRANSITIONS = ['submit', ...APPROVES] as const;

/** What a transition pays beyond a plain update, part by part; parts that do not contain each other. */
const EXTRAS: { label: string; share: (p: ProfiledRun) => number; help?: string }[] = [
  {
    label: 'xstate (the machine\'s transition from the stored snapshot)',
    share: (p) => area(p, 'xstate'),
    help: 'XState builds the machine\'s state and an actor scope on every `transition`/`initialTransition`; a cached transition table per process version (the next state and hooks for each state and event) would replace it for these plain steps',
  },
  { label: 'SQLite commit (record, work items, history, audit in one transaction)', share: (p) => fn(p, 'commit', 'engine/store/embedded/sqlite-file.ts') },
  {
    label: 'the approval view, read again after the commit (`getApproval`)',
    share: (p) => fn(p, 'getApproval', 'engine/approvals/approval-view.ts'),
    help: 'the event already holds the record, its items and the history entries it wrote: the answer could be built from them instead of reading the record, every history entry and the items again',
  },
  {
    label: 'cancelling the step\'s timers (`cancelApprovalTimers`; this process defines none)',
    share: (p) => fn(p, 'cancelApprovalTimers', 'engine/approvals/approval-timers.ts'),
    help: 'a step without a reminder or an escalation has no jobs to cancel, and could skip the store update',
  },
  { label: 'mingo (the store\'s projections)', share: (p) => area(p, 'mingo') },
  { label: 'jsonata (entry criteria, `$today`)', share: (p) => area(p, 'jsonata') },
  { label: 'GC (self time)', share: (p) => p.areas.find((a) => a.name === 'GC')?.share ?? 0 },
];

/** Each transition's cost beyond a plain update, part by part, and for the phases that miss the goal or meet it narrowly, what would widen the gap. */
function transitionCosts(r: ApprovalResults, main: (phase: ApprovalPhase) => number, goal: number): string[] {
  const plain = r.profiles.updateBefore!;
  const extra = (phase: ApprovalPhase, share: (p: ProfiledRun) => number) => share(r.profiles[phase]!) * main(phase) - share(plain) * main('updateBefore');
  const cells = (pick: (phase: ApprovalPhase) => number) => TRANSITIONS.map((phase) => us(pick(phase)));
  const rest = (phase: ApprovalPhase) => main(phase) - main('updateBefore') - EXTRAS.reduce((sum, part) => sum + extra(phase, part.share), 0);
  const lines = [
    `What each transition costs beyond a plain update (main thread, µs/request; the plain update: ${us(main('updateBefore'))} µs):`,
    '',
    row(['part', ...TRANSITIONS]),
    row(['---', ...TRANSITIONS.map(() => '---:')]),
    row(['all of it', ...cells((phase) => main(phase) - main('updateBefore'))]),
    ...EXTRAS.map((part) => row([part.label, ...cells((phase) => extra(phase, part.share))])),
    row(['the rest: the approval\'s own code, the store\'s other reads and writes (record, process version, users, work items), the larger answer', ...cells(rest)]),
    '',
  ];
  // Missed, or met with less than 20 % to spare: a noisier run could miss it.
  const close = TRANSITIONS.filter((phase) => r.walks[phase].perSecond / r.plain.perSecond < goal * 1.2);
  for (const phase of close) {
    const ratio = r.walks[phase].perSecond / r.plain.perSecond;
    // The server's CPU per request a transition may take for the goal, judged by CPU (the rates follow it here).
    const allowed = r.plain.cpuPerRequest / goal;
    const over = r.walks[phase].cpuPerRequest - allowed;
    const helps = EXTRAS.filter((part) => part.help && extra(phase, part.share) >= 10);
    const saving = helps.reduce((sum, part) => sum + extra(phase, part.share), 0);
    const cpuPerMain = r.walks[phase].cpuPerRequest / main(phase);
    lines.push(
      `**${ratio < goal ? `Why \`${phase}\` misses the goal` : `\`${phase}\` meets the goal narrowly`}.** It runs at ${times(ratio)} of the plain update (${tracking(r, phase)});` +
        ` to reach ${times(goal)} by CPU it may take at most ${us(allowed)} µs of server CPU per request against its ${us(r.walks[phase].cpuPerRequest)} µs,` +
        ` ${over > 0 ? `${us(over)} µs (${pct(over / r.walks[phase].cpuPerRequest)}) too many` : `${us(-over)} µs (${pct(-over / r.walks[phase].cpuPerRequest)}) to spare`}.`,
      '',
      ...(helps.length > 0
        ? [
            `**What would help** (engine changes, not made here): ${helps.map((part) => `${part.label.split(' (')[0]} (+${us(extra(phase, part.share))} µs): ${part.help}`).join('; ')}.` +
              ` Together about ${us(saving)} µs of main thread (${us(saving * cpuPerMain)} µs of CPU with the helper threads' share), which would bring \`${phase}\` from ${times(r.plain.cpuPerRequest / r.walks[phase].cpuPerRequest)}` +
              ` to about ${times(r.plain.cpuPerRequest / (r.walks[phase].cpuPerRequest - saving * cpuPerMain))} by CPU per request.`,
            '',
          ]
        : []),
    );
  }
  return lines;
}

/** The store's projections through mingo, when they are a visible part of a submit. */
function projections(r: ApprovalResults, main: (phase: ApprovalPhase) => number): string[] {
  const mingo = area(r.profiles.submit!, 'mingo');
  if (mingo < 0.05) return [];
  return [
    `The mingo part is the store's projections (${pct(mingo)} of a submit): it applies a query's \`projection\` by building a mingo \`Query\` over the page on each call (\`matches\` in ${STORE_QUERIES}),` +
      ' and a submit makes several one-record look-ups with a projection: the submitter\'s manager and each approver in `resolveApprovers`, the delegates in' +
      ' `withDelegates` (engine/approvals/transition-record.ts), the process version in `currentVersion`; an approve that enters a step makes the same.' +
      ' **What would help with it**: the store picking the named keys for an inclusion projection instead of going through mingo, or these look-ups reading' +
      ` without a projection; without the mingo share, a submit would reach about ${times(byCpu(r, 'submit', mingo))} of the plain update by CPU per request` +
      ` (${us(mingo * main('submit'))} µs of main thread less).`,
    '',
  ];
}
