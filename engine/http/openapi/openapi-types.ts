import type { JsonSchema } from '../../fields/index.js';

/**
 * The part of OpenAPI 3.1 the engine writes. Schema Objects are JSON Schema 2020-12, so they keep
 * the engine's own JsonSchema type rather than a second, narrower description of it.
 */
export type SchemaObject = JsonSchema;

export interface Reference {
  $ref: string;
  description?: string;
}

export interface MediaType {
  schema: SchemaObject;
  example?: unknown;
}

export interface Header {
  description: string;
  required?: boolean;
  schema: SchemaObject;
}

export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header';
  description: string;
  required?: boolean;
  schema: SchemaObject;
  example?: unknown;
}

export interface Response {
  description: string;
  headers?: Record<string, Header>;
  content?: Record<string, MediaType>;
}

export interface RequestBody {
  description?: string;
  required: boolean;
  content: Record<string, MediaType>;
}

export interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Array<Parameter | Reference>;
  requestBody?: RequestBody;
  responses: Record<string, Response | Reference>;
  /** Overrides the document's security; `[]` marks a public operation (sign-in). */
  security?: Record<string, string[]>[];
}

export interface PathItem {
  summary?: string;
  parameters?: Array<Parameter | Reference>;
  get?: Operation;
  post?: Operation;
  put?: Operation;
  patch?: Operation;
  delete?: Operation;
}

export interface Tag {
  name: string;
  description?: string;
}

export interface Components {
  schemas: Record<string, SchemaObject>;
  parameters: Record<string, Parameter>;
  responses: Record<string, Response>;
  securitySchemes?: Record<string, SecurityScheme>;
}

export type SecurityScheme =
  | { type: 'http'; scheme: 'bearer'; description: string }
  | { type: 'apiKey'; in: 'cookie' | 'header'; name: string; description: string };

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  tags: Tag[];
  paths: Record<string, PathItem>;
  components: Components;
  security: Record<string, string[]>[];
}

/** The parts one concept (an object, the metadata API) adds to the document. */
export interface OpenApiFragment {
  tags: Tag[];
  paths: Record<string, PathItem>;
  schemas: Record<string, SchemaObject>;
}
