import type { ValidateFunction } from 'ajv/dist/2020.js';
import { documentAjv, DOCUMENT_ID, type Doc, type DocumentedOperation } from '../openapi-fixtures.js';

interface DeclaredResponse {
  description: string;
  content?: Record<string, { schema?: unknown }>;
}

/**
 * Checks an answer against what its operation declares: the status is one of the operation's, the
 * media type one it declares for that status, and a JSON body valid against its schema (ajv over
 * the document's own components). Schemas are compiled once per operation and status.
 */
export class ResponseChecker {
  private readonly ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly doc: Doc) {
    this.ajv = documentAjv(doc);
  }

  /** What is wrong with the answer, or undefined when it is as documented. */
  problem(entry: DocumentedOperation, status: number, contentType: string, text: string): string | undefined {
    const declared = this.declared(entry, status);
    if (!declared) return `answered ${status}, which the operation does not declare (it declares ${Object.keys(entry.operation.responses).join(', ')})`;
    if (status === 204 || status === 431) return text === '' ? undefined : `answered ${status} with a body`;
    if (!declared.content) return undefined;
    const media = contentType.split(';')[0]!.trim().toLowerCase();
    const content = declared.content[media];
    if (!content) return `answered ${status} as '${contentType}', not as the declared ${Object.keys(declared.content).join(', ')}`;
    if (media !== 'application/json' || content.schema === undefined) return undefined;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return `answered ${status} with a body that is not JSON: ${text.slice(0, 200)}`;
    }
    const validate = this.validator(entry, status, content.schema);
    if (validate(body)) return undefined;
    return `answered ${status} with a body outside its schema: ${JSON.stringify(validate.errors?.slice(0, 3))}; body ${text.slice(0, 300)}`;
  }

  private declared(entry: DocumentedOperation, status: number): DeclaredResponse | undefined {
    const response = entry.operation.responses[String(status)] as (DeclaredResponse & { $ref?: string }) | undefined;
    if (!response?.$ref) return response;
    return this.doc.components.responses[response.$ref.split('/').pop()!] as DeclaredResponse;
  }

  private validator(entry: DocumentedOperation, status: number, schema: unknown): ValidateFunction {
    const key = `${entry.method} ${entry.path} ${status}`;
    let validate = this.validators.get(key);
    if (!validate) {
      const anchored = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`)) as object;
      this.validators.set(key, (validate = this.ajv.compile(anchored)));
    }
    return validate;
  }
}
