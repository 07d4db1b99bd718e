// The shapes of the route table (server/api-spec.ts and its parts server/api-spec-*.ts): one
// route's method, path, auth, request schemas and responses.
import type * as z from 'zod';
import type { $ZodType } from 'zod/v4/core';

/** Media type → schema of the body (null: a binary or protocol body without a schema). */
export type Content = Record<string, $ZodType | null>;

export interface ResponseSpec {
  description: string;
  content?: Content;
}

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT';
  /** Fastify syntax (`:id`); a git route gives its documented path (`{name}`), its handler is routes/git.ts. */
  url: string;
  summary?: string;
  /**
   * Who may call it: the API bearer token (default), anyone, a Sovereign's read token, or a
   * cluster's kubeconfig callback token.
   */
  auth?: 'bearer' | 'none' | 'gitReadToken' | 'kubeconfigCallbackToken';
  params?: z.ZodObject;
  /** Query parameters; an empty value (`?cursor=`) counts as absent. */
  query?: z.ZodObject;
  /** Request headers, keyed by their documented spelling (matched case-insensitively). */
  headers?: z.ZodObject;
  body?: Content;
  responses: Record<string, ResponseSpec>;
}
