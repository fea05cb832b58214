export { buildOpenApi, openApiDocument } from './build-openapi.js';
export { userOpenApiDocument } from './user-openapi.js';
export { recordSchemaNames } from './record-components.js';
export type { OpenApiDocument } from './openapi-types.js';
