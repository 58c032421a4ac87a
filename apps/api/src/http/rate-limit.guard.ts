import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Principal } from '@pl/application';

type TrackedRequest = { readonly principal?: Principal; readonly ip?: string; readonly ips?: readonly string[] };

/**
 * Limits requests per client per minute (RATE_LIMIT_PER_MINUTE): per token subject once
 * the auth guard has established one, else per client address. Runs after the auth guard,
 * so a subject spreading calls over many addresses is still one client; an answer of 429
 * carries `Retry-After` in seconds.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(req: TrackedRequest): Promise<string> {
    if (req.principal) return `subject:${req.principal.subject}`;
    return `address:${req.ips?.length ? req.ips[0] : (req.ip ?? 'unknown')}`;
  }
}
