import { randomUUID } from 'node:crypto';
import type { BackendEvent } from '../../shared/contract';
import type { MfaPrompt } from '../../shared/contract/connections';
import { namedError } from '../errors';

interface Waiting {
  prompt: MfaPrompt;
  resolve(code: string): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
}

export const DEFAULT_MFA_TIMEOUT_MS = 3 * 60_000;

/**
 * Asks the renderer for MFA codes: emits `connections:mfaPrompt`, waits for `connections:mfaAnswer`,
 * and gives up after a timeout with a clear MfaTimeout error instead of hanging the request.
 */
export class MfaBroker {
  private readonly waiting = new Map<string, Waiting>();

  constructor(
    private readonly emit: (event: BackendEvent) => void,
    private readonly timeoutMs = DEFAULT_MFA_TIMEOUT_MS,
  ) {}

  /** Resolves with the code the user typed; rejects with MfaTimeout or MfaCanceled. */
  ask(req: Omit<MfaPrompt, 'promptId' | 'expiresAt'>): Promise<string> {
    const prompt: MfaPrompt = {
      ...req,
      promptId: randomUUID(),
      expiresAt: Date.now() + this.timeoutMs,
    };
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        const seconds = Math.round(this.timeoutMs / 1000);
        this.settle(
          prompt.promptId,
          'timedOut',
          namedError(
            'MfaTimeout',
            `No MFA code was entered for profile "${req.profile}" (${req.serialNumber}) within ${seconds} s. ` +
              'Test the connection again to get a new prompt.',
          ),
        );
      }, this.timeoutMs);
      // A forgotten prompt must not keep the process alive.
      timer.unref();
      this.waiting.set(prompt.promptId, { prompt, resolve, reject, timer });
      this.emit({ type: 'connections:mfaPrompt', ...prompt });
    });
  }

  /** Hands a code to the waiting lookup; false when the prompt already ended. */
  answer(promptId: string, code: string): boolean {
    return this.settle(promptId, 'answered', code);
  }

  cancel(promptId: string): boolean {
    const w = this.waiting.get(promptId);
    return this.settle(
      promptId,
      'canceled',
      namedError(
        'MfaCanceled',
        `MFA entry was canceled for profile "${w?.prompt.profile ?? '?'}".`,
      ),
    );
  }

  /** Prompts still waiting, oldest first. */
  pending(): MfaPrompt[] {
    return [...this.waiting.values()].map((w) => w.prompt);
  }

  /** Ends every waiting prompt (backend shutdown). */
  cancelAll(): void {
    for (const id of [...this.waiting.keys()]) this.cancel(id);
  }

  private settle(
    promptId: string,
    outcome: 'answered' | 'canceled' | 'timedOut',
    value: string | Error,
  ): boolean {
    const w = this.waiting.get(promptId);
    if (!w) return false;
    this.waiting.delete(promptId);
    clearTimeout(w.timer);
    if (typeof value === 'string') w.resolve(value);
    else w.reject(value);
    this.emit({ type: 'connections:mfaSettled', promptId, outcome });
    return true;
  }
}
