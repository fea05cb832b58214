export { log, setLogLevel, logLevel, redirectLogs, LOG_LEVELS, type LogLevel } from './log.js';
export { requestIdFrom, tagUnitWithRequest, requestIdOfUnit } from './request-scope.js';
export { metrics, httpRequests, httpDuration, storeDuration, timedStoreOperation, timedStoreRead, countBacklogWith, type BacklogCounts } from './metrics.js';
export { traceHeaders, inSpan, failSpan, activeSpan } from './tracing.js';
