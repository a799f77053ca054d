/**
 * A cheap macrotask yield so other work gets its turn during a long loop: pause/cancel messages and Comlink
 * calls in the worker's training loop, the game's frames while shared code corrupts held-out digits on the main
 * thread (noise.ts `corruptSliced`). setImmediate in Node; a MessageChannel in browsers and workers (setTimeout(0)
 * is clamped to >= 4 ms when nested).
 */
type Resolve = () => void;

const queue: Resolve[] = [];
let channel: MessageChannel | null = null;

function viaChannel(resolve: Resolve): void {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => queue.shift()?.();
  }
  queue.push(resolve);
  channel.port2.postMessage(null);
}

export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as { setImmediate?: (fn: () => void) => unknown };
  if (typeof g.setImmediate === 'function') return new Promise((resolve) => g.setImmediate?.(resolve));
  if (typeof MessageChannel !== 'undefined') return new Promise(viaChannel);
  return new Promise((resolve) => setTimeout(resolve, 0));
}
