import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * What a generated client relies on: that every answer's status and media type are in the
 * document for its operation, and that its body fits the schema documented for them. Used by
 * the fuzz suite on every response it gets.
 */

interface MediaType {
  schema?: object;
}
interface Response {
  $ref?: string;
  content?: Record<string, MediaType>;
}
interface Operation {
  responses?: Record<string, Response>;
}
export interface DocumentWithResponses {
  paths: Record<string, Record<string, object>>;
  components?: { schemas?: Record<string, object>; responses?: Record<string, Response> };
}
export interface ResponseToCheck {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

const DOCUMENT_ID = 'sevabook-api';

export class DocumentedResponses {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: false });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly doc: DocumentWithResponses) {
    addFormats.default(this.ajv);
    this.ajv.addSchema({ $id: DOCUMENT_ID, components: doc.components ?? {} });
  }

  /** Why `response` breaks the document for `method path`, or undefined when it does not. */
  check(method: string, path: string, response: ResponseToCheck): string | undefined {
    const operation = this.doc.paths[path]?.[method.toLowerCase()] as Operation | undefined;
    if (!operation) return `${method} ${path} is not in the document`;
    const status = String(response.statusCode);
    const declared = operation.responses?.[status] ?? operation.responses?.default;
    if (!declared) {
      const listed = Object.keys(operation.responses ?? {}).join(', ');
      return `status ${status} is not documented (documented: ${listed})`;
    }
    const answer = this.resolve(declared);
    const contentType = String(response.headers['content-type'] ?? '');
    const media = contentType.split(';')[0]!.trim().toLowerCase();
    if (!answer.content || Object.keys(answer.content).length === 0) {
      return response.body.length === 0 ? undefined : `status ${status} documents no body`;
    }
    const documented = answer.content[media];
    if (!documented) {
      const listed = Object.keys(answer.content).join(', ');
      return `${status} answered ${contentType || 'no content type'}; documented: ${listed}`;
    }
    if (!media.endsWith('json') || !documented.schema) return undefined;
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return `${status} ${media} body is not JSON`;
    }
    const validate = this.validator(`${path} ${method} ${status} ${media}`, documented.schema);
    if (validate(body)) return undefined;
    return `${status} body does not fit its schema: ${this.ajv.errorsText(validate.errors)}`;
  }

  private resolve(response: Response): Response {
    if (!response.$ref) return response;
    const name = response.$ref.split('/').pop()!;
    return this.doc.components?.responses?.[name] ?? {};
  }

  private validator(key: string, schema: object): ValidateFunction {
    let validate = this.compiled.get(key);
    if (!validate) {
      // The document's own references (#/components/…) point into the schema added above.
      const located = JSON.parse(JSON.stringify(schema), (name, value: unknown) =>
        name === '$ref' && typeof value === 'string' && value.startsWith('#/')
          ? `${DOCUMENT_ID}${value}`
          : value,
      ) as object;
      validate = this.ajv.compile(located);
      this.compiled.set(key, validate);
    }
    return validate;
  }
}
