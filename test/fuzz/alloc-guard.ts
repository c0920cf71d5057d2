/**
 * The allocation guard of the fuzz worker: wraps the global ArrayBuffer, typed-array and Array constructors so that
 * a reader asking for more memory than a small damaged file can justify is caught at the request, before the
 * allocation happens — a reader that trusts a declared count or size fails here even when the machine could
 * have served the request.
 *
 * It must be installed before the readers are loaded: libraries that keep a reference to `Uint8Array` at load time
 * (fflate does) then hold the guarded one.
 */

/** The bytes asked for during the current case, and the largest single request. */
export const allocations = { totalBytes: 0, largestBytes: 0, refused: null as string | null };

let limitBytes = Number.POSITIVE_INFINITY;
let totalLimitBytes = Number.POSITIVE_INFINITY;

/** Starts a case: single allocations above `limit` and a total above `totalLimit` are refused and recorded. */
export function startCase(limit: number, totalLimit: number): void {
  limitBytes = limit;
  totalLimitBytes = totalLimit;
  allocations.totalBytes = 0;
  allocations.largestBytes = 0;
  allocations.refused = null;
}

/** Ends a case: no limits between cases (the harness's own bookkeeping). */
export function endCase(): void {
  limitBytes = Number.POSITIVE_INFINITY;
  totalLimitBytes = Number.POSITIVE_INFINITY;
}

/** Thrown for a refused allocation; the harness counts the case as failed even if a reader catches it. */
export class AllocationRefused extends Error {
  override readonly name = 'AllocationRefused';
}

function charge(what: string, bytes: number): void {
  if (!Number.isFinite(bytes) || bytes <= 0) return;
  allocations.totalBytes += bytes;
  allocations.largestBytes = Math.max(allocations.largestBytes, bytes);
  if (bytes > limitBytes || allocations.totalBytes > totalLimitBytes) {
    const message = bytes > limitBytes
      ? `${what} of ${bytes} bytes, more than the per-allocation bound of ${limitBytes}`
      : `${what} brings this case's allocations to ${allocations.totalBytes} bytes, more than the bound of ${totalLimitBytes}`;
    allocations.refused ??= message;
    throw new AllocationRefused(message);
  }
}

function requestedBytes(args: unknown[], bytesPerElement: number): number {
  const first = args[0];
  if (typeof first === 'number') return first * bytesPerElement;
  if (first instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && first instanceof SharedArrayBuffer)) return 0;
  if (ArrayBuffer.isView(first)) return first.byteLength / ((first as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1) * bytesPerElement;
  const length = (first as { length?: unknown } | null)?.length;
  return typeof length === 'number' ? length * bytesPerElement : 0;
}

const TYPED = [
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
] as const;

/** Replaces the global constructors with guarded ones (idempotent). */
export function installAllocationGuard(): void {
  const g = globalThis as unknown as Record<string, unknown> & { __vepAllocGuard?: boolean };
  if (g.__vepAllocGuard) return;
  g.__vepAllocGuard = true;
  for (const name of ['ArrayBuffer', 'SharedArrayBuffer'] as const) {
    const target = g[name] as new (...a: unknown[]) => object;
    g[name] = new Proxy(target, {
      construct(t, args, newTarget) {
        charge(name, Number(args[0] ?? 0));
        return Reflect.construct(t, args, newTarget);
      },
    });
  }
  for (const name of TYPED) {
    const target = g[name] as (new (...a: unknown[]) => object) & { BYTES_PER_ELEMENT: number };
    g[name] = new Proxy(target, {
      construct(t, args, newTarget) {
        charge(name, requestedBytes(args, t.BYTES_PER_ELEMENT));
        return Reflect.construct(t, args, newTarget);
      },
    });
  }
  // `new Array(n)` / `Array(n)`: a JS array of n holes; counted at 8 bytes an element (a pointer each).
  const array = g.Array as ArrayConstructor;
  const chargeArray = (args: unknown[]): void => {
    if (args.length === 1 && typeof args[0] === 'number') charge('Array', args[0] * 8);
  };
  g.Array = new Proxy(array, {
    construct(t, args, newTarget) {
      chargeArray(args);
      return Reflect.construct(t, args, newTarget);
    },
    apply(t, self, args) {
      chargeArray(args);
      return Reflect.apply(t, self, args);
    },
  });
}
