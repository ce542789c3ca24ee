import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { formatPath, Problem, type FieldIssue } from '../errors.ts';

const base = 'https://mesochart.app/problems/';

function send(reply: FastifyReply, request: FastifyRequest, status: number, body: Record<string, unknown> & { type?: string }) {
  const type = body.type ?? 'about:blank';
  return reply
    .status(status)
    .type('application/problem+json')
    .send({ ...body, type: type === 'about:blank' ? type : base + type, status, instance: request.url });
}

/** Renders every error as RFC 9457 problem+json; 5xx bodies stay generic, their detail goes to the log. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Problem, request, reply) => {
    if (error instanceof Problem) {
      return send(reply, request, error.status, {
        type: error.type,
        title: error.title,
        detail: error.detail,
        ...(error.errors ? { errors: error.errors } : {}),
        ...error.extra,
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const errors: FieldIssue[] = error.validation.map((v) => {
        const parts = v.instancePath.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
        let path = formatPath(parts);
        let message = v.message ?? 'invalid';
        const keys = (v.params as { keys?: string[] }).keys;
        if (v.keyword === 'unrecognized_keys' && keys) {
          path = [path, keys.join(',')].filter(Boolean).join('.');
          message = 'unknown field';
        }
        return { path: path ? `${where}.${path}` : where, message };
      });
      return send(reply, request, 400, {
        type: 'validation',
        title: 'Invalid request',
        detail: errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        errors,
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return send(reply, request, 500, { type: 'internal', title: 'Internal error', detail: 'The server failed to answer.' });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return send(reply, request, 500, { type: 'internal', title: 'Internal error', detail: 'The server failed to answer.' });
    }
    // Fastify's own client errors: malformed JSON, body too large, wrong content type, rate limit.
    const type =
      status === 413 ? 'payload-too-large' : status === 415 ? 'unsupported-media-type' : status === 429 ? 'rate-limited' : 'bad-request';
    return send(reply, request, status, { type, title: error.name === 'FastifyError' ? 'Bad request' : error.message, detail: error.message });
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, request, 404, { type: 'not-found', title: 'Not found', detail: `No route ${request.method} ${request.url.split('?')[0]}` }),
  );
}
