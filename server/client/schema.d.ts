// Generated from the sync-status service's /openapi.json by `npm run client:generate`. Do not edit.
export interface paths {
    "/v1/statuses/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Look up the sync status of up to 500 records
         * @description Scope: read. One status per reference, in the order sent; records the service never saw are "unknown".
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LookupRequest"];
                };
            };
            responses: {
                /** @description The statuses */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LookupResponse"];
                    };
                };
                /** @description Invalid request: malformed JSON or a field that breaks the contract (details lists each). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No token, or an unknown or revoked one. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The token lacks the scope this operation needs. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is larger than the service accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is not JSON. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Rate limited: wait for Retry-After seconds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/records/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lock a Procore direct cost or invoice against edits
         * @description Scope: lock. Refused with 422 for records that cannot be locked and 409 when already locked.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LockRequest"];
                };
            };
            responses: {
                /** @description The locked record */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecordStatus"];
                    };
                };
                /** @description Invalid request: malformed JSON or a field that breaks the contract (details lists each). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No token, or an unknown or revoked one. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The token lacks the scope this operation needs. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Refused by a rule: locked, already synced, already finished, lease lost. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is larger than the service accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is not JSON. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Understood but not possible: the message says why. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Rate limited: wait for Retry-After seconds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/records/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unlock a record so it can be edited
         * @description Scope: lock. Refused with 409 when the record is not locked.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LockRequest"];
                };
            };
            responses: {
                /** @description The unlocked record */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RecordStatus"];
                    };
                };
                /** @description Invalid request: malformed JSON or a field that breaks the contract (details lists each). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No token, or an unknown or revoked one. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The token lacks the scope this operation needs. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Refused by a rule: locked, already synced, already finished, lease lost. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is larger than the service accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is not JSON. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Rate limited: wait for Retry-After seconds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/records/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A record's history: pushed, synced, failed, locked, unlocked, changed
         * @description Scope: read. Newest first, with who did what and when.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["HistoryRequest"];
                };
            };
            responses: {
                /** @description Status and events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HistoryResponse"];
                    };
                };
                /** @description Invalid request: malformed JSON or a field that breaks the contract (details lists each). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No token, or an unknown or revoked one. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The token lacks the scope this operation needs. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is larger than the service accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is not JSON. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Rate limited: wait for Retry-After seconds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/records/resolve-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Which record a pasted Procore, Xero or Zoho Books address opens
         * @description Scope: read. Answers the record and its status, ready to push. A list page is refused with 422 list_page_url; any other page with 422 not_a_record_url.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ResolveUrlRequest"];
                };
            };
            responses: {
                /** @description The record */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ResolveUrlResponse"];
                    };
                };
                /** @description Invalid request: malformed JSON or a field that breaks the contract (details lists each). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No token, or an unknown or revoked one. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The token lacks the scope this operation needs. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is larger than the service accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is not JSON. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Understood but not possible: the message says why. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Rate limited: wait for Retry-After seconds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/pushes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Push one or many records to the other system
         * @description Scope: push. Idempotent per idempotencyKey: sending a key again returns its job. A record with a push in flight answers that push. All or nothing: a locked record (409 record_locked) or a synced one without force (409 already_synced) refuses the whole batch, and details.refusals lists each.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PushRequest"];
                };
            };
            responses: {
                /** @description One job per push, in order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PushResponse"];
                    };
                };
                /** @description Invalid request: malformed JSON or a field that breaks the contract (details lists each). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No token, or an unknown or revoked one. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The token lacks the scope this operation needs. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Refused by a rule: locked, already synced, already finished, lease lost. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is larger than the service accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is not JSON. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Understood but not possible: the message says why. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Rate limited: wait for Retry-After seconds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The state of a push job
         * @description Scope: read.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The job */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Invalid request: malformed JSON or a field that breaks the contract (details lists each). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No token, or an unknown or revoked one. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The token lacks the scope this operation needs. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No such resource in your tenant. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is larger than the service accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is not JSON. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Rate limited: wait for Retry-After seconds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/ingest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report record statuses, links and events (up to 1,000 each)
         * @description Scope: ingest. A record reported with a counterpart is linked to it both ways. One transaction: an invalid item rejects the whole batch and nothing is written.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["IngestRequest"];
                };
            };
            responses: {
                /** @description What was written */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["IngestResponse"];
                    };
                };
                /** @description Invalid request: malformed JSON or a field that breaks the contract (details lists each). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No token, or an unknown or revoked one. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The token lacks the scope this operation needs. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is larger than the service accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is not JSON. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Rate limited: wait for Retry-After seconds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/worker/jobs/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim queued push jobs under a lease
         * @description Scope: ingest. Jobs whose lease ran out are handed out again; after 5 attempts a job fails as worker_gave_up. Concurrent workers never receive the same job (FOR UPDATE SKIP LOCKED).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ClaimRequest"];
                };
            };
            responses: {
                /** @description The claimed jobs, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ClaimResponse"];
                    };
                };
                /** @description Invalid request: malformed JSON or a field that breaks the contract (details lists each). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No token, or an unknown or revoked one. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The token lacks the scope this operation needs. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is larger than the service accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is not JSON. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Rate limited: wait for Retry-After seconds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/worker/jobs/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a claimed job with its counterpart or a structured failure
         * @description Scope: ingest. Repeating the same completion answers the finished job; a different one is refused with 409. A worker whose lease ran out and was taken over gets 409 lease_lost.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CompleteRequest"];
                };
            };
            responses: {
                /** @description The finished job */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Job"];
                    };
                };
                /** @description Invalid request: malformed JSON or a field that breaks the contract (details lists each). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No token, or an unknown or revoked one. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The token lacks the scope this operation needs. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No such resource in your tenant. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Refused by a rule: locked, already synced, already finished, lease lost. */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is larger than the service accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is not JSON. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Rate limited: wait for Retry-After seconds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who this token belongs to and what it may do
         * @description Any scope. The extension shows this after sign-in.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Tenant and token */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Me"];
                    };
                };
                /** @description Invalid request: malformed JSON or a field that breaks the contract (details lists each). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No token, or an unknown or revoked one. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is larger than the service accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is not JSON. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Rate limited: wait for Retry-After seconds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Records changed since a cursor
         * @description Scope: read. Start with after=0 (or the cursor of your last call, or after=latest to follow only what changes from now) and repeat while hasMore. Cursors follow commit order, so nothing committed is skipped.
         */
        get: {
            parameters: {
                query?: {
                    /** @description A cursor from an earlier call; 0 for everything; `latest` for no changes and the cursor of now. */
                    after?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Changed records */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Changes"];
                    };
                };
                /** @description Invalid request: malformed JSON or a field that breaks the contract (details lists each). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No token, or an unknown or revoked one. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The token lacks the scope this operation needs. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is larger than the service accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is not JSON. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Rate limited: wait for Retry-After seconds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/errors/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Failed records grouped by record type and error code
         * @description Scope: read. Each group has a count, a hint, the records, and what they depend on.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The summary */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorSummary"];
                    };
                };
                /** @description Invalid request: malformed JSON or a field that breaks the contract (details lists each). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No token, or an unknown or revoked one. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The token lacks the scope this operation needs. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is larger than the service accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is not JSON. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Rate limited: wait for Retry-After seconds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an API token for this tenant
         * @description Scope: admin. The token is in the answer once; only its hash is kept.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateTokenRequest"];
                };
            };
            responses: {
                /** @description The new token */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedToken"];
                    };
                };
                /** @description Invalid request: malformed JSON or a field that breaks the contract (details lists each). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No token, or an unknown or revoked one. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The token lacks the scope this operation needs. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is larger than the service accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is not JSON. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Rate limited: wait for Retry-After seconds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API token of this tenant
         * @description Scope: admin. The token stops working at once, on every instance.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid request: malformed JSON or a field that breaks the contract (details lists each). */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No token, or an unknown or revoked one. */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The token lacks the scope this operation needs. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description No such resource in your tenant. */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is larger than the service accepts. */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description The body is not JSON. */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
                /** @description Rate limited: wait for Retry-After seconds. */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiError"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        LookupResponse: {
            /** @description One per requested reference, in order. */
            statuses: components["schemas"]["RecordStatus"][];
        };
        RecordStatus: {
            ref: components["schemas"]["RecordRef"];
            key: string;
            state: components["schemas"]["SyncState"];
            number: string | null;
            url: string | null;
            counterpart: components["schemas"]["Counterpart"];
            lock: components["schemas"]["Lock"];
            /** Format: date-time */
            lastSyncedAt: string | null;
            lastError: components["schemas"]["SyncError"];
            differences: components["schemas"]["FieldDifference"][];
            /** Format: uuid */
            activeJobId: string | null;
            /** Format: date-time */
            updatedAt: string | null;
        };
        /** @description Which record: its system, type, account and id. */
        RecordRef: components["schemas"]["ProcoreRecord"] | components["schemas"]["XeroRecord"] | components["schemas"]["ZohoBooksRecord"];
        /** @description A Procore direct cost, owner invoice or subcontractor invoice. */
        ProcoreRecord: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            system: "procore";
            /** @enum {string} */
            recordType: "direct_cost" | "owner_invoice" | "subcontractor_invoice";
            companyId?: string;
            projectId: string;
            recordId: string;
            contractId?: string;
            host?: string;
        };
        /** @description A Xero invoice, bill, bank transaction, manual journal or credit note. */
        XeroRecord: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            system: "xero";
            /** @enum {string} */
            recordType: "invoice" | "bill" | "spend_money" | "receive_money" | "manual_journal" | "credit_note";
            shortCode?: string;
            recordId: string;
        };
        /** @description A Zoho Books invoice or bill. */
        ZohoBooksRecord: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            system: "zoho_books";
            /** @enum {string} */
            recordType: "invoice" | "bill";
            organizationId: string;
            recordId: string;
            host?: string;
        };
        /**
         * @description synced: present and in agreement in both systems; not_synced: missing or disagreeing in the other system; pending: a push is queued or running; failed: the last push failed; unknown: the service has no such record.
         * @enum {string}
         */
        SyncState: "synced" | "not_synced" | "pending" | "failed" | "unknown";
        /** @description The same record in the other system. */
        Counterpart: {
            ref: components["schemas"]["RecordRef"];
            number: string | null;
            /** Format: uri */
            url: string | null;
        } | null;
        Lock: {
            locked: boolean;
            by: string | null;
            /** Format: date-time */
            at: string | null;
            reason: string | null;
        };
        /** @description Why a record did not sync, and what to do. */
        SyncError: {
            code: string;
            message: string;
            hint: string;
            blockedBy?: components["schemas"]["Blocker"];
        } | null;
        Blocker: {
            kind: string;
            name: string;
        };
        FieldDifference: {
            field: string;
            label: string;
            here: string | null;
            there: string | null;
        };
        /** @description A refused request: a stable code, a sentence for people, and details. */
        ApiError: {
            code: string;
            message: string;
            details?: unknown;
        };
        LookupRequest: {
            refs: components["schemas"]["RecordRef"][];
        };
        LockRequest: {
            ref: components["schemas"]["RecordRef"];
            reason?: string;
        };
        HistoryResponse: {
            status: components["schemas"]["RecordStatus"];
            /** @description Newest first. */
            events: components["schemas"]["RecordEvent"][];
        };
        /** @description One entry in a record history. */
        RecordEvent: {
            id: string;
            /** @enum {string} */
            kind: "pushed" | "synced" | "failed" | "locked" | "unlocked" | "changed" | "reported";
            actor: string;
            /** Format: date-time */
            at: string;
            summary: string;
            error: components["schemas"]["SyncError"];
            differences: components["schemas"]["FieldDifference"][];
            /** Format: uuid */
            jobId: string | null;
        };
        HistoryRequest: {
            ref: components["schemas"]["RecordRef"];
            /** @description Default 100. */
            limit?: number;
        };
        ResolveUrlResponse: {
            ref: components["schemas"]["RecordRef"];
            status: components["schemas"]["RecordStatus"];
        };
        ResolveUrlRequest: {
            url: string;
        };
        PushResponse: {
            jobs: components["schemas"]["Job"][];
        };
        /** @description A push of one record to the other system. */
        Job: {
            /** Format: uuid */
            id: string;
            ref: components["schemas"]["RecordRef"];
            state: components["schemas"]["JobState"];
            force: boolean;
            attempts: number;
            requestedBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            error: components["schemas"]["SyncError"];
            counterpart: components["schemas"]["Counterpart"];
        };
        /** @enum {string} */
        JobState: "queued" | "running" | "succeeded" | "failed";
        PushRequest: {
            pushes: {
                ref: components["schemas"]["RecordRef"];
                idempotencyKey: string;
                force?: boolean;
            }[];
        };
        IngestResponse: {
            records: number;
            events: number;
        };
        /** @description All or nothing: one invalid item rejects the whole batch. */
        IngestRequest: {
            records?: components["schemas"]["IngestRecord"][];
            events?: components["schemas"]["IngestEvent"][];
        };
        IngestRecord: {
            ref: components["schemas"]["RecordRef"];
            number?: string;
            /** Format: uri */
            url?: string;
            /** @enum {string} */
            state: "synced" | "not_synced" | "failed";
            counterpart?: {
                ref: components["schemas"]["RecordRef"];
                number?: string | null;
                /** Format: uri */
                url?: string;
            };
            /** Format: date-time */
            lastSyncedAt?: string;
            error?: components["schemas"]["SyncError"];
            differences?: components["schemas"]["FieldDifference"][];
        };
        IngestEvent: {
            ref: components["schemas"]["RecordRef"];
            /** @enum {string} */
            kind: "changed" | "reported";
            summary: string;
            /** Format: date-time */
            at?: string;
            differences?: components["schemas"]["FieldDifference"][];
        };
        ClaimResponse: {
            jobs: components["schemas"]["ClaimedJob"][];
        };
        ClaimedJob: {
            /** Format: uuid */
            id: string;
            ref: components["schemas"]["RecordRef"];
            state: components["schemas"]["JobState"];
            force: boolean;
            attempts: number;
            requestedBy: string;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            error: components["schemas"]["SyncError"];
            counterpart: components["schemas"]["Counterpart"];
            /** Format: date-time */
            leaseExpiresAt: string;
            number: string | null;
        };
        ClaimRequest: {
            workerId: string;
            /** @description Default 10. */
            limit?: number;
            leaseSeconds?: number;
        };
        CompleteRequest: {
            workerId: string;
            outcome: {
                /** @enum {string} */
                result: "succeeded";
                counterpart: {
                    ref: components["schemas"]["RecordRef"];
                    number?: string | null;
                    /** Format: uri */
                    url?: string;
                };
            } | {
                /** @enum {string} */
                result: "failed";
                error: components["schemas"]["SyncError"];
            };
        };
        /** @description Who the token belongs to and what it may do. */
        Me: {
            tenant: {
                /** Format: uuid */
                id: string;
                name: string;
            };
            token: {
                /** Format: uuid */
                id: string;
                name: string;
                scopes: components["schemas"]["Scope"][];
            };
        };
        /**
         * @description read: look up statuses, history, errors, changes; push: queue pushes; lock: lock and unlock; ingest: report statuses and run push jobs (integrations); admin: manage tokens.
         * @enum {string}
         */
        Scope: "read" | "push" | "lock" | "ingest" | "admin";
        Changes: {
            /** @description Current status of each record changed after the cursor. */
            changes: components["schemas"]["RecordStatus"][];
            /** @description Pass as `after` next time. */
            cursor: string;
            hasMore: boolean;
        };
        /** @description Failed records grouped by record type and error code, largest first. */
        ErrorSummary: {
            total: number;
            groups: components["schemas"]["ErrorGroup"][];
        };
        ErrorGroup: {
            system: components["schemas"]["System"];
            recordType: string;
            label: string;
            code: string;
            count: number;
            message: string;
            hint: string;
            explanation: string;
            blockers: {
                kind: string;
                name: string;
                count: number;
            }[];
            records: {
                ref: components["schemas"]["RecordRef"];
                key: string;
                number: string | null;
                url: string | null;
                message: string;
            }[];
        };
        /**
         * @description The system a record lives in.
         * @enum {string}
         */
        System: "procore" | "xero" | "zoho_books";
        CreatedToken: {
            /** Format: uuid */
            id: string;
            name: string;
            scopes: components["schemas"]["Scope"][];
            /** @description Shown once; only its hash is stored. */
            token: string;
        };
        CreateTokenRequest: {
            name: string;
            scopes: components["schemas"]["Scope"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
