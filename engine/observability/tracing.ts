import { context, INVALID_SPAN_CONTEXT, propagation, ProxyTracerProvider, SpanKind, SpanStatusCode, trace, type Attributes, type Span } from '@opentelemetry/api';

/**
 * OpenTelemetry traces, optional: the engine speaks only to @opentelemetry/api, which does nothing
 * (and costs next to nothing) until an SDK registers itself. An operator who wants traces starts
 * node with an SDK and exporter of their choice (docs/operations.md, Traces); the engine then gives
 * each request a server span (its parent the caller's `traceparent`), each job a span in the trace
 * of the request that enqueued it, and each webhook call the `traceparent` of its job.
 */
const TRACER = 'lowcode-crm';

/** The W3C trace context of the span running now, as headers (`traceparent`, `tracestate`); empty when nothing traces. */
export function traceHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier;
}

/**
 * Runs `work` in a new span, child of the trace context in `parentHeaders` (a caller's request
 * headers, or those a job kept from the request that enqueued it) or of the active span. The span
 * is handed to `work`, which ends it (a request's span ends when its response is sent).
 */
export function inSpan<R>(
  name: string,
  kind: 'server' | 'consumer',
  attributes: Attributes | (() => Attributes),
  parentHeaders: Readonly<Record<string, unknown>> | undefined,
  work: (span: Span) => R,
): R {
  if (!tracing()) return work(NO_SPAN);
  if (typeof attributes === 'function') attributes = attributes();
  const parent = parentHeaders ? propagation.extract(context.active(), parentHeaders) : context.active();
  const span = trace.getTracer(TRACER).startSpan(name, { kind: kind === 'server' ? SpanKind.SERVER : SpanKind.CONSUMER, attributes }, parent);
  return context.with(trace.setSpan(parent, span), () => work(span));
}

/** The span handed to work while nothing traces: every method does nothing. */
const NO_SPAN: Span = trace.wrapSpanContext(INVALID_SPAN_CONTEXT);

/**
 * Whether an SDK is registered. Without one, the API's no-op path still cost a GET by id a few
 * microseconds (a tracer, a span, a copied context and a context switch per request), so work then
 * runs with a span that does nothing, and its attributes are never built.
 */
function tracing(): boolean {
  const provider = trace.getTracerProvider();
  return !(provider instanceof ProxyTracerProvider) || provider.getDelegateTracer(TRACER) !== undefined;
}

/** Marks a span failed, with the reason people read (a job's last error, a 5xx). */
export function failSpan(span: Span | undefined, message: string): void {
  span?.setStatus({ code: SpanStatusCode.ERROR, message });
}

/** The span running now, if something traces. */
export function activeSpan(): Span | undefined {
  return trace.getActiveSpan();
}
