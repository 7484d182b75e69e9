/*
 * Scratch memory for the arrays a program's formula makes over a city and drops when the program ends (its
 * checks' outcomes, shown values, per-entity working columns). A city month makes hundreds of them, each
 * megabytes: as new typed arrays each is pages the kernel must fault in, and external memory that makes V8
 * collect garbage every few dozen megabytes. Taken from a few large buffers instead, and handed back when
 * the program ends (a stack: a dependency evaluated in the middle of a formula takes and gives back above
 * it), the same memory serves every program of every evaluation in the process.
 *
 * Only a compact (city) evaluation uses it, and only for what the engine drops at the end of the program:
 * a shared variable is made with new arrays, and an amount the program returns is copied out.
 */
const SLAB_BYTES = 64 * 1024 * 1024;
/** Every array starts on a cache line (and so on any element size). */
const ALIGN = 64;

interface Slab {
  buffer: ArrayBuffer;
  bytes: Uint8Array;
  used: number;
  /** Bytes from here on were never handed out, so are still zero. */
  clean: number;
}

class ScratchArena {
  private readonly slabs: Slab[] = [];
  private current = 0;

  /** Where the stack is now, to `release` to. */
  mark(): number {
    const slab = this.slabs[this.current];
    return this.current * SLAB_BYTES + (slab ? slab.used : 0);
  }

  /** Hands back everything taken since `mark` (every array taken since then must be dropped). */
  release(mark: number): void {
    const index = Math.floor(mark / SLAB_BYTES);
    for (let s = index + 1; s < this.slabs.length; s++) this.slabs[s]!.used = 0;
    this.current = index;
    const slab = this.slabs[index];
    if (slab) slab.used = mark - index * SLAB_BYTES;
  }

  /** Zeroed bytes for an array, or undefined when too large to take from a slab. */
  take(byteLength: number): { buffer: ArrayBuffer; offset: number } | undefined {
    const size = Math.ceil(byteLength / ALIGN) * ALIGN;
    if (size > SLAB_BYTES / 2) return undefined;
    let slab = this.slabs[this.current];
    if (slab && slab.used + size > SLAB_BYTES) {
      this.current++;
      slab = this.slabs[this.current];
      if (slab) slab.used = 0;
    }
    if (!slab) {
      const buffer = new ArrayBuffer(SLAB_BYTES);
      slab = { buffer, bytes: new Uint8Array(buffer), used: 0, clean: 0 };
      this.slabs[this.current] = slab;
    }
    const offset = slab.used;
    slab.used += size;
    // Only what an earlier array wrote needs zeroing.
    if (offset < slab.clean) slab.bytes.fill(0, offset, Math.min(offset + byteLength, slab.clean));
    if (offset + size > slab.clean) slab.clean = offset + size;
    return { buffer: slab.buffer, offset };
  }

  /** Whether the array's memory is the arena's (then it must be copied to outlive its program). */
  owns(array: ArrayBufferView): boolean {
    for (const slab of this.slabs) if (slab.buffer === array.buffer) return true;
    return false;
  }
}

/** One per process: evaluations are synchronous, so one program at a time takes from it. */
export const scratch = new ScratchArena();

export function scratchUint8(count: number): Uint8Array {
  const taken = scratch.take(count);
  return taken ? new Uint8Array(taken.buffer, taken.offset, count) : new Uint8Array(count);
}

export function scratchInt32(count: number): Int32Array {
  const taken = scratch.take(count * 4);
  return taken ? new Int32Array(taken.buffer, taken.offset, count) : new Int32Array(count);
}

export function scratchFloat64(count: number): Float64Array {
  const taken = scratch.take(count * 8);
  return taken ? new Float64Array(taken.buffer, taken.offset, count) : new Float64Array(count);
}
