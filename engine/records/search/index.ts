export { searchRecords, type SearchRank, type SearchResult } from './search-records.js';
export { MAX_QUERY_LENGTH, MAX_SEARCH_RESULTS, MIN_QUERY_LENGTH, parseSearchText, RESULTS_PER_OBJECT } from './search-query.js';
